using System.Globalization;
using System.Text.Json;
using RsiSim.Reporting.Export;
using RsiSim.Reporting.Tests.Support;

namespace RsiSim.Reporting.Tests.Export;

public sealed class RunExporterTests : KnownRunTest
{
    [Fact]
    public async Task The_csv_headers_are_exactly_the_columns_that_docs_export_format_lists()
    {
        var (_, run) = await KnownAsync();

        var files = RunExporter.Export(run, ExportFormat.Csv, Temp.Combine("export"));

        Assert.Equal([Temp.Combine("export", "attempts.csv"), Temp.Combine("export", "trials.csv")], files);
        Assert.NotEmpty(ExportDocument.Columns("attempts"));
        Assert.Equal(ExportDocument.Columns("attempts"), CsvTable.Read(files[0]).Header);
        Assert.Equal(ExportDocument.Columns("trials"), CsvTable.Read(files[1]).Header);
    }

    [Fact]
    public async Task The_attempts_table_has_one_row_per_attempt_with_the_values_in_the_database()
    {
        var (directory, run) = await KnownAsync();

        var files = RunExporter.Export(run, ExportFormat.Csv, Temp.Combine("export"));

        var table = CsvTable.Read(files[0]);
        Assert.Equal(Query<long>(directory, "SELECT count(*) FROM attempts")[0], table.Rows.Count);
        var stored = Query<double>(directory, "SELECT best_speedup FROM attempts ORDER BY id");
        Assert.Equal(stored, table.Column("best_speedup").Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(Query<string>(directory, "SELECT status FROM attempts ORDER BY id"), table.Column("status"));
        var agentError = table.Rows.Single(r => table.Cell(r, "status") == "agent-error");
        Assert.Equal(("", "", "false"), (table.Cell(agentError, "candidate_hash"), table.Cell(agentError, "speedup"), table.Cell(agentError, "valid")));
        // Spending is cumulative within a trial: trial 0 of greedy made five attempts at one cent.
        Assert.Equal("0.05", table.Cell(table.Rows.Last(r => table.Cell(r, "arm") == "greedy" && table.Cell(r, "trial") == "0"), "spent_money"));
    }

    [Fact]
    public async Task The_trials_table_has_each_trials_best_and_when_it_reached_2x()
    {
        var (directory, run) = await KnownAsync();

        var files = RunExporter.Export(run, ExportFormat.Csv, Temp.Combine("export"));

        var table = CsvTable.Read(files[1]);
        Assert.Equal(6, table.Rows.Count);
        // Trials are written greedy then random, by index: the database's order by arm name and trial.
        Assert.Equal(Query<double>(directory, "SELECT best_speedup FROM trials ORDER BY arm, trial"), table.Column("best_speedup").Select(v => double.Parse(v, CultureInfo.InvariantCulture)));
        Assert.Equal(["3", "3", "2", "", "", ""], table.Column("attempts_to_2x"));
        Assert.Equal(["5", "", "", "", "", ""], table.Column("attempts_to_4x"));
        Assert.Equal("1000", table.Column("seed").First());
    }

    [Fact]
    public async Task The_json_tables_have_the_same_columns_with_missing_values_as_null_and_seeds_as_strings()
    {
        var (_, run) = await KnownAsync();

        var files = RunExporter.Export(run, ExportFormat.Json, Temp.Combine("json"));

        using var attempts = JsonDocument.Parse(File.ReadAllText(files[0]));
        using var trials = JsonDocument.Parse(File.ReadAllText(files[1]));
        Assert.Equal(20, attempts.RootElement.GetArrayLength());
        var first = attempts.RootElement[0];
        Assert.Equal(ExportDocument.Columns("attempts"), first.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1.5, first.GetProperty("speedup").GetDouble());
        Assert.Equal(JsonValueKind.Null, attempts.RootElement.EnumerateArray().First(a => a.GetProperty("status").GetString() == "agent-error").GetProperty("candidate_hash").ValueKind);
        Assert.Equal(ExportDocument.Columns("trials"), trials.RootElement[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("1000", trials.RootElement[0].GetProperty("seed").GetString());
        Assert.True(trials.RootElement[0].GetProperty("finished").GetBoolean());
    }
}
