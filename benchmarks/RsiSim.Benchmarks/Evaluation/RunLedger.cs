namespace RsiSim.Benchmarks.Evaluation;

/// <summary>Where one evaluation's wall time went, as the recording runner saw it.</summary>
internal sealed class RunLedger
{
    /// <summary>Starting both workers ahead, to their hello, beside the compile and the policy.</summary>
    public double StartSeconds { get; set; }

    /// <summary>From starting the workers ahead to opening the session: the compile, the policy, the reference's image,
    /// or the workers' start where that is longer.</summary>
    public double BeforeOpenSeconds { get; set; }

    /// <summary>Loading both programs into their workers (or starting them too, if none were started ahead).</summary>
    public double OpenSeconds { get; set; }

    /// <summary>Runs of either side, warm-up included.</summary>
    public int RunCalls { get; set; }

    /// <summary>Wall time of the run calls: prepare the data, the timed run, hand back the output, settle.</summary>
    public double RunCallSeconds { get; set; }

    /// <summary>The host's clock around the timed regions alone: the programs' own runs, which are not overhead.</summary>
    public double TimedSeconds { get; set; }

    /// <summary>Stopping both workers and removing their folders.</summary>
    public double CloseSeconds { get; set; }

    /// <summary>Whether the session opened while the candidate's worker was still starting, the reference's first run beside it.</summary>
    public bool FirstRunBesideStart { get; set; }

    /// <summary>The reference's timed regions in the order they came (its first two are warm-up runs).</summary>
    public List<double> BaselineSeconds { get; } = [];

    public void Clear()
    {
        (StartSeconds, BeforeOpenSeconds, OpenSeconds, RunCalls, RunCallSeconds, TimedSeconds, CloseSeconds) = (0, 0, 0, 0, 0, 0, 0);
        BaselineSeconds.Clear();
        FirstRunBesideStart = false;
    }
}
