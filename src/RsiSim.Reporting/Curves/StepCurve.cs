namespace RsiSim.Reporting.Curves;

/// <summary>A trial's best-so-far speedup as steps: from (0, 1x), after each attempt the trial's best at what it had spent.</summary>
/// <param name="X">What the trial had spent, never decreasing.</param>
/// <param name="Y">The trial's best speedup then, never decreasing.</param>
public sealed record StepCurve(IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>The best at <paramref name="x"/>: the last step at or before it; a finished trial keeps its final best.</summary>
    public double At(double x)
    {
        double y = Y[0];
        for (int i = 0; i < X.Count && X[i] <= x; i++)
        {
            y = Y[i];
        }
        return y;
    }
}
