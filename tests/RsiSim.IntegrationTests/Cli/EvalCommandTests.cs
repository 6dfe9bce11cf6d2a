using System.Text.Json;
using RsiSim.Core.Tasks;
using RsiSim.IntegrationTests.Support;
using RsiSim.Tasks.TinyConv;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.IntegrationTests.Cli;

public sealed class EvalCommandTests
{
    private static string Reference => TinyLmTask.Instance.ReferenceSource;

    [Fact]
    public async Task The_reference_passes_every_check_and_gets_a_speedup()
    {
        using var folder = new TempFolder();

        var (result, json) = await EvalAsync(folder, Reference);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("passed", json.GetProperty("status").GetString());
        Assert.All(json.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.True(json.GetProperty("speedup").GetProperty("median").GetDouble() > 0);
    }

    [Fact]
    public async Task A_wrong_gradient_is_a_wrong_result_that_names_the_failed_check()
    {
        using var folder = new TempFolder();
        string wrong = Reference.Replace("(_probabilities[r, c] - indicator) / grad.Rows", "(_probabilities[r, c] - indicator) / grad.Rows * 2", StringComparison.Ordinal);
        Assert.NotEqual(Reference, wrong);

        var (result, json) = await EvalAsync(folder, wrong);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("wrong-result", json.GetProperty("status").GetString());
        Assert.Contains("checkpoint-loss", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_syntax_error_is_a_compile_error_with_its_line()
    {
        using var folder = new TempFolder();
        string broken = Reference.Replace("double loss = ForwardOutput(batch);", "double loss = ForwardOutput(batch)", StringComparison.Ordinal);
        int line = broken[..broken.IndexOf("double loss = ForwardOutput(batch)", StringComparison.Ordinal)].Count(c => c == '\n') + 1;

        var (result, json) = await EvalAsync(folder, broken);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compile-error", json.GetProperty("status").GetString());
        var diagnostic = json.GetProperty("diagnostics")[0];
        Assert.Equal(line, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("CS1002", diagnostic.GetProperty("id").GetString());
    }

    [Fact]
    public async Task An_empty_file_ends_with_a_clear_status()
    {
        using var folder = new TempFolder();

        var (result, json) = await EvalAsync(folder, "");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compile-error", json.GetProperty("status").GetString());
        Assert.Contains("ITinyLmModel", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_second_task_plugs_in_and_its_expert_passes_every_check()
    {
        using var folder = new TempFolder();
        var task = TinyConvTask.Instance;

        var (result, json) = await EvalAsync(folder, task.Compose(task.Landmark(Landmark.Expert).Moves), "tinyconv");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("passed", json.GetProperty("status").GetString());
        Assert.Equal(4, json.GetProperty("checks").GetArrayLength());
    }

    [Fact]
    public async Task A_ten_megabyte_file_ends_with_a_clear_status_before_anything_is_compiled()
    {
        using var folder = new TempFolder();

        var (result, json) = await EvalAsync(folder, "// " + new string('x', 10 * 1024 * 1024) + "\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compile-error", json.GetProperty("status").GetString());
        Assert.Contains("a candidate may have at most 1,000,000", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_csharp_ends_with_a_compile_error_that_names_its_line()
    {
        using var folder = new TempFolder();

        var (result, json) = await EvalAsync(folder, "name: quickstart\ntask: { id: tinylm, size: tiny }\narms:\n  - { name: greedy, agent: greedy }\n");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compile-error", json.GetProperty("status").GetString());
        // "name: quickstart" parses as a C# label, so the compiler's first complaint is on line 2
        Assert.Equal(2, json.GetProperty("diagnostics")[0].GetProperty("line").GetInt32());
        Assert.StartsWith("line 2, column 5: CS1002", json.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_file_ends_with_a_compile_error()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "candidate.cs");
        await File.WriteAllBytesAsync(file, [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0xFF, 0xFE], TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "eval", "tinylm", file, "--size", "tiny", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("compile-error", JsonDocument.Parse(result.Stdout).RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Most_repetitions_bounds_the_timed_pairs_and_a_bound_below_one_is_a_usage_error()
    {
        using var folder = new TempFolder();
        string file = folder.Write("candidate.cs", Reference);

        var fixedPairs = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "eval", "tinylm", file, "--size", "tiny", "--repetitions", "3", "--most-repetitions", "3", "--json");
        var bad = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "eval", "tinylm", file, "--most-repetitions", "0");

        Assert.True(fixedPairs.ExitCode == 0, fixedPairs.ToString());
        var speedup = JsonDocument.Parse(fixedPairs.Stdout).RootElement.GetProperty("speedup");
        Assert.Equal(3, speedup.GetProperty("candidateSeconds").GetArrayLength());
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--most-repetitions must be between 1 and 100", bad.Stdout + bad.Stderr, StringComparison.Ordinal);
    }

    private static async Task<(CliResult Result, JsonElement Json)> EvalAsync(TempFolder folder, string source, string task = "tinylm")
    {
        string file = folder.Write("candidate.cs", source);
        var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "eval", task, file, "--size", "tiny", "--repetitions", "2", "--most-repetitions", "2", "--json");
        return (result, JsonDocument.Parse(result.Stdout).RootElement.Clone());
    }
}
