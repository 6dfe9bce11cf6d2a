using RsiSim.Core.Attempts;
using RsiSim.Core.Trials;

namespace RsiSim.Storage.Tests.Support;

/// <summary>A manifest with two arms, and helpers to play trials into a store.</summary>
internal static class SampleManifest
{
    public static RunManifest Create() => new()
    {
        Name = "quickstart",
        ScenarioYaml = "name: quickstart\ntask: { id: tinylm, size: small }\nseed: 42\ntrials: 2\n",
        TaskId = "tinylm",
        Size = "small",
        Seed = 18_000_000_000_000_000_042UL,
        Trials = 2,
        Arms = [new RunArm("greedy", "greedy", "{}"), new RunArm("random", "random", """{"moves":["a","b"],"temperature":0.5}""")],
        Machine = "linux-x64, 2 cores",
        MachineId = "machine-7f3a",
        ToolVersion = "0.1.0+abc123",
    };

    /// <summary>Plays <paramref name="attempts"/> attempts of a trial into the store, optionally finishing it.</summary>
    public static async Task<SampleTrial> PlayAsync(SqliteRunStore store, TrialKey key, int attempts, bool finish, AttemptStatus[]? cycle = null)
    {
        var trial = new SampleTrial(key, 1000UL + (ulong)key.Index, cycle);
        await PlayAsync(store, trial, attempts, finish, resumed: false);
        return trial;
    }

    /// <summary>Plays more attempts of <paramref name="trial"/>, as a resumed trial does.</summary>
    public static async Task PlayAsync(SqliteRunStore store, SampleTrial trial, int attempts, bool finish, bool resumed)
    {
        await store.WriteAsync(trial.Start(resumed), TestContext.Current.CancellationToken);
        for (int i = 0; i < attempts; i++)
        {
            await store.WriteAsync(trial.Next(), TestContext.Current.CancellationToken);
        }
        if (finish)
        {
            await store.WriteAsync(trial.Finish(), TestContext.Current.CancellationToken);
        }
    }
}
