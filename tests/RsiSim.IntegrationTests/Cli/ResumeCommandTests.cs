using RsiSim.IntegrationTests.Support;

namespace RsiSim.IntegrationTests.Cli;

public sealed class ResumeCommandTests
{
    private const string Scenario = """
        name: held
        task: { id: tinylm, size: tiny }
        seed: 4
        trials: 1
        budget: { attempts: 1000 }
        arms:
          - { name: random, agent: random }
        """;

    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task A_folder_that_is_not_a_run_is_refused_in_one_line_with_exit_code_1()
    {
        using var folder = new TempFolder();
        string empty = Directory.CreateDirectory(Path.Combine(folder.Path, "not-a-run")).FullName;

        var result = await CliProcess.RunAsync(folder.Path, Guard, "resume", empty);

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("not a run folder", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_folder_is_refused_in_one_line_with_exit_code_1()
    {
        using var folder = new TempFolder();

        var result = await CliProcess.RunAsync(folder.Path, Guard, "resume", "runs/nothing-here");

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("runs/nothing-here: no such folder", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_run_that_a_live_rsisim_is_writing_is_refused_in_one_line_with_exit_code_1()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("held.yaml", Scenario);
        string runs = Path.Combine(folder.Path, "runs");
        using var live = RunningCli.Start(folder.Path, "run", scenario, "--out", runs);
        string? run = null;
        await RunWatch.UntilAsync(live, () => RunWatch.Trials(run ??= RunWatch.RunFolder(runs)) >= 1, "its first trial started");

        var result = await CliProcess.RunAsync(folder.Path, Guard, "resume", run!);

        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("is in use: another process holds", line, StringComparison.Ordinal);
        Assert.False(live.HasExited, "the live run was disturbed");
    }
}
