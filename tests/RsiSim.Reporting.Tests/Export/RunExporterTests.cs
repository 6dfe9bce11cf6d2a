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
        Assert.Equal(ExportDocument.Columns("attempts"), CsvText.Parse(File.ReadAllText(files[0]))[0]);
        Assert.Equal(ExportDocument.Columns("trials"), CsvText.Parse(File.ReadAllText(files[1]))[0]);
    }

    [Fact]
    public async Task The_attempts_table_has_one_row_per_attempt_with_the_values_in_the_database()
    {
        var (directory, run) = await KnownAsync();

        var files = RunExporter.Export(run, ExportFormat.Csv, Temp.Combine("export"));

        var rows = CsvText.Parse(File.ReadAllText(files[0]));
        var header = rows[0];
        var body = rows.Skip(1).ToList();
        string Cell(List<string> row, string column) => row[header.IndexOf(column)];
        Assert.Equal(Query<long>(directory, "SELECT count(*) FROM attempts")[0], body.Count);
        var stored = Query<double>(directory, "SELECT best_speedup FROM attempts ORDER BY id");
        Assert.Equal(stored, body.Select(r => double.Parse(Cell(r, "best_speedup"), CultureInfo.InvariantCulture)));
        var statuses = Query<string>(directory, "SELECT status FROM attempts ORDER BY id");
        Assert.Equal(statuses, body.Select(r => Cell(r, "status")));
        var agentError = body.Single(r => Cell(r, "status") == "agent-error");
        Assert.Equal(("", "", "false"), (Cell(agentError, "candidate_hash"), Cell(agentError, "speedup"), Cell(agentError, "valid")));
        // Spending is cumulative within a trial: trial 0 of greedy made five attempts at one cent.
        Assert.Equal("0.05", Cell(body.Last(r => Cell(r, "arm") == "greedy" && Cell(r, "trial") == "0"), "spent_money"));
    }

    [Fact]
    public async Task The_trials_table_has_each_trials_best_and_when_it_reached_2x()
    {
        var (directory, run) = await KnownAsync();

        var files = RunExporter.Export(run, ExportFormat.Csv, Temp.Combine("export"));

        var rows = CsvText.Parse(File.ReadAllText(files[1]));
        var header = rows[0];
        var body = rows.Skip(1).ToList();
        string Cell(List<string> row, string column) => row[header.IndexOf(column)];
        Assert.Equal(6, body.Count);
        Assert.Equal(Query<double>(directory, "SELECT best_speedup FROM trials ORDER BY arm, trial"), body.OrderBy(r => Cell(r, "arm"), StringComparer.Ordinal).Select(r => double.Parse(Cell(r, "best_speedup"), CultureInfo.InvariantCulture)));
        Assert.Equal(["3", "3", "2", "", "", ""], body.Select(r => Cell(r, "attempts_to_2x")));
        Assert.Equal(["5", "", "", "", "", ""], body.Select(r => Cell(r, "attempts_to_4x")));
        Assert.Equal("1000", Cell(body[0], "seed"));
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
