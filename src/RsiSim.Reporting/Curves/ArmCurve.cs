namespace RsiSim.Reporting.Curves;

/// <summary>An arm's curve on one axis: each trial's steps, and their median and quartiles at every point where some trial stepped.</summary>
/// <param name="Arm">The arm's label.</param>
/// <param name="Axis">What x measures.</param>
/// <param name="Trials">Each trial's steps.</param>
/// <param name="X">Every x at which some trial's best may change, ascending.</param>
/// <param name="Median">Median over trials of the best at each x.</param>
/// <param name="Lower">First quartile over trials at each x.</param>
/// <param name="Upper">Third quartile over trials at each x.</param>
public sealed record ArmCurve(
    string Arm,
    CurveAxis Axis,
    IReadOnlyList<StepCurve> Trials,
    IReadOnlyList<double> X,
    IReadOnlyList<double> Median,
    IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper);
