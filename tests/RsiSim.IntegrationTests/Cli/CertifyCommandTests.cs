using Microsoft.Data.Sqlite;
using RsiSim.IntegrationTests.Support;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.IntegrationTests.Cli;

/// <summary>rsisim certify on a real tiny run: structure and storage, never timing (a tiny run takes milliseconds on a shared machine).</summary>
public sealed class CertifyCommandTests(TinyRunFixture fixture) : IClassFixture<TinyRunFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Certify_measures_each_arms_best_stores_the_figures_in_the_run_and_the_report_shows_them()
    {
        string run = fixture.CopyWith("certified", "SELECT 1");

        var certify = await CliProcess.RunAsync(fixture.Root, Timeout, "certify", run, "--iterations", "3");
        var report = await CliProcess.RunAsync(fixture.Root, Timeout, "report", run);

        Assert.True(certify.ExitCode == 0, certify.ToString());
        string table = Flat.Text(certify.Stdout);
        Assert.Contains("RsiSim speedup (95% CI)", table, StringComparison.Ordinal);
        Assert.Contains("certified speedup", table, StringComparison.Ordinal);
        var rows = Rows(run, "SELECT arm, status, rsisim_speedup, certified_speedup, reference_median_seconds, candidate_median_seconds FROM certified_arms ORDER BY arm");
        Assert.Equal(["greedy", "random"], rows.Select(r => (string)r[0]));
        Assert.All(rows, r => Assert.Equal("certified", r[1]));
        Assert.All(rows, r => Assert.True((double)r[3] > 0 && (double)r[4] > 0 && (double)r[5] > 0, string.Join(", ", r)));
        Assert.Equal(Rows(run, "SELECT max(best_speedup) FROM trials GROUP BY arm ORDER BY arm").Select(r => r[0]), rows.Select(r => r[2]));
        foreach (var row in rows)
        {
            Assert.Contains($"│ {row[0]} ", certify.Stdout, StringComparison.Ordinal);
        }
        Assert.Contains("agree", table, StringComparison.OrdinalIgnoreCase);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Contains("certified speedups", report.Stdout, StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(run, "report.html"));
        Assert.Contains("<table id=\"certified\">", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-arm=\"greedy\"", html, StringComparison.Ordinal);
        Assert.Contains("<tr data-arm=\"random\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_best_candidate_that_fails_the_policy_is_refused_and_never_loaded_and_the_others_are_still_certified()
    {
        string hostile = TinyLmTask.Instance.ReferenceSource.Replace(
            "        _config = config;\n", "        _config = config;\n        System.IO.File.WriteAllText(\"certify-was-here\", \"x\");\n", StringComparison.Ordinal);
        string run = fixture.CopyWith("hostile", $"""
            INSERT INTO candidates (hash, parent_hash, moves_json, source, created_at) VALUES ('ffffffffffffffff', NULL, '[]', '{hostile.Replace("'", "''", StringComparison.Ordinal)}', '2026-01-01T00:00:00.0000000+00:00');
            UPDATE trials SET best_hash = 'ffffffffffffffff', best_speedup = 9.5 WHERE arm = 'greedy' AND trial = 0;
            """);

        var certify = await CliProcess.RunAsync(fixture.Root, Timeout, "certify", run, "--iterations", "3");

        Assert.True(certify.ExitCode == 0, certify.ToString());
        Assert.Contains("not certified: policy-violation", certify.Stdout, StringComparison.Ordinal);
        Assert.Contains("RSP001", Flat.Text(certify.Stdout), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(fixture.Root, "certify-was-here")));
        var rows = Rows(run, "SELECT arm, status, candidate_hash FROM certified_arms ORDER BY arm");
        Assert.Equal(["greedy", "policy-violation", "ffffffffffffffff"], rows[0]);
        Assert.Equal("certified", rows[1][1]);
    }

    [Fact]
    public async Task A_run_that_another_process_is_writing_is_not_certified()
    {
        string run = fixture.CopyWith("live", "SELECT 1");
        using var held = new FileStream(Path.Combine(run, "run.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var certify = await CliProcess.RunAsync(fixture.Root, Timeout, "certify", run);

        Assert.Equal(1, certify.ExitCode);
        Assert.Contains("cannot certify the run folder", Flat.Text(certify.Stderr), StringComparison.Ordinal);
        Assert.Empty(Rows(run, "SELECT name FROM sqlite_master WHERE name = 'certified_arms'"));
    }

    [Fact]
    public async Task Certify_help_answers_with_the_run_folder_and_every_option()
    {
        var help = await CliProcess.RunAsync(fixture.Root, Timeout, "certify", "--help");

        Assert.True(help.ExitCode == 0, help.ToString());
        string text = Flat.Text(help.Stdout);
        Assert.Contains("rsisim certify <run-dir>", text, StringComparison.Ordinal);
        foreach (string option in new[] { "--iterations", "--rounds", "--seed", "--json", "--verbose" })
        {
            Assert.Contains(option, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_candidate_is_measured_in_rounds_and_certified_at_the_median_of_the_rounds_ratios()
    {
        // Given an arm whose best is a copy of the reference (another hash, so measured as a candidate)
        string copy = TinyLmTask.Instance.ReferenceSource + "\n// a copy, measured as a candidate\n";
        string run = fixture.CopyWith("rounds", $"""
            INSERT INTO candidates (hash, parent_hash, moves_json, source, created_at) VALUES ('eeeeeeeeeeeeeeee', NULL, '[]', '{copy.Replace("'", "''", StringComparison.Ordinal)}', '2026-01-01T00:00:00.0000000+00:00');
            UPDATE trials SET best_hash = 'eeeeeeeeeeeeeeee', best_speedup = 1.5 WHERE arm = 'greedy' AND trial = 0;
            """);

        var certify = await CliProcess.RunAsync(fixture.Root, Timeout, "certify", run, "--iterations", "3", "--rounds", "3");

        // Then it is measured in three rounds of one iteration, and its certified speedup is the middle of the three rounds' ratios
        Assert.True(certify.ExitCode == 0, certify.ToString());
        Assert.Contains("3 iterations of 1 training run in 3 rounds", (string)Rows(run, "SELECT job FROM certifications").Single()[0], StringComparison.Ordinal);
        var greedy = Rows(run, "SELECT status, detail, certified_speedup FROM certified_arms WHERE arm = 'greedy'").Single();
        Assert.Equal("certified", greedy[0]);
        var byRound = System.Text.RegularExpressions.Regex.Match((string)greedy[1], @"by round ([0-9.]+)x, ([0-9.]+)x, ([0-9.]+)x$");
        Assert.True(byRound.Success, (string)greedy[1]);
        var rounds = byRound.Groups.Values.Skip(1).Select(g => double.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(rounds[1], (double)greedy[2], 0.006);
    }

    [Fact]
    public async Task More_rounds_than_measured_iterations_is_a_usage_error_before_anything_is_measured()
    {
        string run = fixture.CopyWith("too-many-rounds", "SELECT 1");

        var certify = await CliProcess.RunAsync(fixture.Root, Timeout, "certify", run, "--iterations", "2", "--rounds", "3");

        Assert.Equal(2, certify.ExitCode);
        Assert.Contains("--rounds must be between 1 and --iterations (2)", Flat.Text(certify.Stderr), StringComparison.Ordinal);
        Assert.Empty(Rows(run, "SELECT name FROM sqlite_master WHERE name = 'certified_arms'"));
    }

    private static List<object[]> Rows(string run, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(run, "run.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object[]>();
        while (reader.Read())
        {
            var row = new object[reader.FieldCount];
            reader.GetValues(row);
            rows.Add(row);
        }
        return rows;
    }
}
