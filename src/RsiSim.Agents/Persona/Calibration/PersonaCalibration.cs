namespace RsiSim.Agents.Persona.Calibration;

/// <summary>One capability tried while fitting, and the figure it produced.</summary>
public sealed record CalibrationStep(double Capability, double Measured);

/// <summary>The capability that came closest to the target, and every step on the way.</summary>
public sealed record CalibrationFit(double Capability, double Measured, double Target, IReadOnlyList<CalibrationStep> Steps)
{
    /// <summary>Measured over target.</summary>
    public double Ratio => Measured / Target;
}

/// <summary>Fits personas' capabilities to target figures: bisection on one capability, then a non-decreasing fit by date.</summary>
/// <remarks>
/// The figure a capability produces comes from running the persona's trials (seeded, so the same capability gives the
/// same figure); it grows with capability on average but not strictly, so the fit keeps the closest step, measured as
/// the distance of the logarithms. The date order is enforced afterwards by pooling adjacent violators: a later model
/// never gets a lower capability than an earlier one, which is the only shape the profiles are allowed (no per-row magic).
/// </remarks>
public static class PersonaCalibration
{
    /// <summary>Capabilities are tried to this many decimals, so the fitted value written out is exactly the one measured:
    /// a persona's draws compare against probabilities that follow capability, and a rounded one may walk differently.</summary>
    public const int Decimals = 3;

    /// <summary>Bisects capability in [<paramref name="low"/>, <paramref name="high"/>] until <paramref name="measure"/>
    /// comes within <paramref name="tolerance"/> of <paramref name="target"/> (as a ratio: 0.1 stops at 0.91 to 1.1 of
    /// it, 0 only on an exact hit); <paramref name="increasing"/> says whether the figure grows with capability.</summary>
    public static async Task<CalibrationFit> FitAsync(
        Func<double, CancellationToken, Task<double>> measure,
        double target,
        bool increasing,
        double low,
        double high,
        int steps,
        double tolerance,
        Action<CalibrationStep>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(measure);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(tolerance);
        if (!(low < high))
        {
            throw new ArgumentOutOfRangeException(nameof(high), "the capability range must not be empty");
        }
        var tried = new List<CalibrationStep>();
        for (int i = 0; i < steps; i++)
        {
            double capability = Math.Round((low + high) / 2, Decimals);
            if (tried.Exists(t => t.Capability == capability))
            {
                break; // the interval is narrower than the precision: nothing new to try
            }
            double measured = await measure(capability, cancellationToken).ConfigureAwait(false);
            var step = new CalibrationStep(capability, measured);
            tried.Add(step);
            progress?.Invoke(step);
            if (Distance(measured, target) <= Math.Log(1 + tolerance))
            {
                break;
            }
            bool tooHigh = measured > target;
            if (tooHigh == increasing)
            {
                high = capability;
            }
            else
            {
                low = capability;
            }
        }
        var best = tried.MinBy(s => Distance(s.Measured, target))!;
        return new CalibrationFit(best.Capability, best.Measured, target, tried);
    }

    /// <summary>How far a figure is from its target, as the size of the log ratio; infinite when the figure is not finite or not positive.</summary>
    public static double Distance(double measured, double target) =>
        measured > 0 && double.IsFinite(measured) ? Math.Abs(Math.Log(measured / target)) : double.PositiveInfinity;

    /// <summary>The closest non-decreasing sequence to <paramref name="values"/> in least squares (pool adjacent violators),
    /// each pooled mean rounded to <see cref="Decimals"/> decimals like every capability tried.</summary>
    public static IReadOnlyList<double> NonDecreasing(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var blocks = new List<(double Sum, int Count)>();
        foreach (double value in values)
        {
            blocks.Add((value, 1));
            while (blocks.Count > 1 && Mean(blocks[^2]) > Mean(blocks[^1]))
            {
                var last = blocks[^1];
                var previous = blocks[^2];
                blocks.RemoveAt(blocks.Count - 1);
                blocks[^1] = (previous.Sum + last.Sum, previous.Count + last.Count);
            }
        }
        return [.. blocks.SelectMany(b => Enumerable.Repeat(Math.Round(Mean(b), Decimals), b.Count))];
    }

    private static double Mean((double Sum, int Count) block) => block.Sum / block.Count;
}
