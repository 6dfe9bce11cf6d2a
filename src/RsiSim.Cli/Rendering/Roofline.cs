using RsiSim.Evaluation.Machine;

namespace RsiSim.Cli.Rendering;

/// <summary>How a candidate's achieved GFLOP/s compares with this machine's measured FP32 peak.</summary>
internal sealed record Roofline(double FlopsPerRun, double Gflops, double PeakGflops, int Threads)
{
    public double PeakPercent => 100 * Gflops / PeakGflops;

    public static Roofline Of(double flopsPerRun, double candidateSeconds, MachineProfile machine) =>
        new(flopsPerRun, flopsPerRun / candidateSeconds / 1e9, machine.PeakGflops, machine.Threads);
}
