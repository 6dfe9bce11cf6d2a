using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;
using RsiSim.Core.Candidates;
using RsiSim.Core.Runs;
using RsiSim.Core.Trials;
using RsiSim.Storage;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.IntegrationTests.Support;

/// <summary>A run folder holding one recorded trial of chosen candidates, for an arm with <c>agent: replay</c> to propose exactly those.</summary>
internal static class ReplayArchive
{
    /// <summary>Records <paramref name="count"/> copies of the tinylm reference, each with its own comment (so none is a cache hit), as trial 0 of <paramref name="arm"/>.</summary>
    public static async Task<string> WriteReferenceCopiesAsync(string directory, string arm, int count)
    {
        var manifest = new RunManifest
        {
            Name = "archive",
            ScenarioYaml = "",
            TaskId = "tinylm",
            Size = "small",
            Seed = 1,
            Trials = 1,
            Arms = [new RunArm(arm, "replay", "{}")],
            Machine = "test",
            MachineId = "test",
            ToolVersion = "test",
        };
        var key = new TrialKey(arm, 0);
        await using var store = await SqliteRunStore.CreateAsync(directory, manifest, TimeProvider.System, CancellationToken.None);
        await store.WriteAsync(new TrialStarted(key, 1, false), CancellationToken.None);
        for (int i = 1; i <= count; i++)
        {
            var candidate = Candidate.FromSource($"{TinyLmTask.Instance.ReferenceSource}\n// copy {i}\n");
            var record = new AttemptRecord(
                i, AttemptStatus.NotFaster, candidate.Hash, null, $"the reference, copy {i}", [], 1.0, 1.0, "", AgentUsage.None, BudgetUsage.Zero with { Attempts = i });
            await store.WriteAsync(new AttemptCompleted(key, record, candidate, null, (ulong)i), CancellationToken.None);
        }
        return directory;
    }
}
