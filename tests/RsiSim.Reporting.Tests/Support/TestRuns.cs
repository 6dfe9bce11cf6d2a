using RsiSim.Storage;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>Writes scripted trials into a real run folder through <see cref="SqliteRunStore"/>, and reads it back.</summary>
internal static class TestRuns
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> WriteAsync(string root, string name, IReadOnlyList<ScriptedTrial> trials, string size = "small", bool finish = true)
    {
        var time = new ManualTime();
        var arms = trials.Select(t => t.Key.Arm).Distinct().Select(a => new RunArm(a, a, "{}")).ToList();
        var manifest = new RunManifest
        {
            Name = name,
            ScenarioYaml = $"name: {name}\ntask: {{ id: tinylm, size: {size} }}\n",
            TaskId = "tinylm",
            Size = size,
            Seed = 42,
            Trials = trials.GroupBy(t => t.Key.Arm).Max(g => g.Count()),
            Arms = [.. arms],
            Machine = "linux-x64, 2 cores, test",
            MachineId = "machine-test",
            ToolVersion = "0.0.0-test",
        };
        var folder = RunFolder.Create(root, name, time);
        var store = await SqliteRunStore.CreateAsync(folder.Directory, manifest, time, Ct);
        await using (store)
        {
            foreach (var trial in trials)
            {
                await store.WriteAsync(trial.Start(), Ct);
                foreach (var attempt in trial.Attempts)
                {
                    time.Advance(TimeSpan.FromSeconds(1));
                    await store.WriteAsync(attempt, Ct);
                }
                if (finish)
                {
                    await store.WriteAsync(trial.Finish(), Ct);
                }
            }
        }
        return folder.Directory;
    }

    public static Task<StoredRun> LoadAsync(string directory) => RunStoreReader.LoadAsync(directory, Ct);
}
