namespace RsiSim.Benchmarks.Evaluation;

/// <summary>Where one evaluation's wall time went, as the recording runner saw it.</summary>
internal sealed class RunLedger
{
    /// <summary>Starting both workers and loading both programs into them.</summary>
    public double OpenSeconds { get; set; }

    /// <summary>Runs of either side, warm-up included.</summary>
    public int RunCalls { get; set; }

    /// <summary>Wall time of the run calls: prepare the data, the timed run, hand back the output, settle.</summary>
    public double RunCallSeconds { get; set; }

    /// <summary>The host's clock around the timed regions alone: the programs' own runs, which are not overhead.</summary>
    public double TimedSeconds { get; set; }

    /// <summary>Stopping both workers and removing their folders.</summary>
    public double CloseSeconds { get; set; }

    public void Clear() => (OpenSeconds, RunCalls, RunCallSeconds, TimedSeconds, CloseSeconds) = (0, 0, 0, 0, 0);
}
