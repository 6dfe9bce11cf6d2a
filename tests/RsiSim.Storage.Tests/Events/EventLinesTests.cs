using System.Text.Json;
using RsiSim.Core.Trials;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Events;

public sealed class EventLinesTests : RunFolderTest
{
    private async Task<(List<JsonElement> Lines, SampleTrial Trial)> PlayAsync()
    {
        var folder = NewFolder();
        SampleTrial trial;
        await using (var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct))
        {
            trial = await SampleManifest.PlayAsync(store, new TrialKey("random", 1), attempts: 3, finish: true);
        }
        var lines = await File.ReadAllLinesAsync(folder.Events, Ct);
        return ([.. lines.Select(l => JsonDocument.Parse(l).RootElement.Clone())], trial);
    }

    [Fact]
    public async Task Each_event_is_one_line_in_the_order_written()
    {
        var (lines, _) = await PlayAsync();

        Assert.Equal(
            ["trial-started", "attempt-completed", "attempt-completed", "attempt-completed", "trial-finished"],
            lines.Select(l => l.GetProperty("type").GetString()));
        Assert.All(lines, l => Assert.Equal(("random", 1), (l.GetProperty("arm").GetString(), l.GetProperty("trial").GetInt32())));
        Assert.Equal("2026-11-27T12:34:56.0000000+00:00", lines[0].GetProperty("at").GetString());
    }

    [Fact]
    public async Task An_attempt_line_carries_the_attempt_in_camel_case_with_kebab_case_status_and_no_source()
    {
        var (lines, trial) = await PlayAsync();

        var third = lines[3];
        var written = trial.Written[2];
        Assert.Equal(3, third.GetProperty("attempt").GetInt32());
        Assert.Equal("compile-error", third.GetProperty("status").GetString());
        Assert.Equal(written.Candidate!.Hash, third.GetProperty("candidateHash").GetString());
        Assert.Equal(written.Attempt.Spent.Money, third.GetProperty("spent").GetProperty("money").GetDecimal());
        Assert.Equal(written.Attempt.Usage.InputTokens, third.GetProperty("usage").GetProperty("inputTokens").GetInt64());
        Assert.Equal(written.RandomState.ToString(System.Globalization.CultureInfo.InvariantCulture), third.GetProperty("randomState").GetString());
        Assert.Equal(JsonValueKind.Null, third.GetProperty("speedup").ValueKind);
        Assert.DoesNotContain(third.EnumerateObject(), p => p.Name is "source" or "candidate");
        Assert.DoesNotContain("public sealed class", third.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_finished_line_names_the_stop_reason_and_the_best()
    {
        var (lines, trial) = await PlayAsync();

        var finished = lines[^1];
        Assert.Equal("attempts", finished.GetProperty("stopReason").GetString());
        Assert.Equal(trial.BestSpeedup, finished.GetProperty("bestSpeedup").GetDouble());
        Assert.Equal(trial.Best.Hash, finished.GetProperty("bestHash").GetString());
        Assert.Equal(3, finished.GetProperty("attempts").GetInt32());
    }
}
