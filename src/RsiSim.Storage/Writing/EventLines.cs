using System.Text.Json;
using RsiSim.Core.Attempts;
using RsiSim.Core.Runs;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>The one-line camelCase JSON of each event in events.jsonl. Candidate source is never in the log.</summary>
internal static class EventLines
{
    public const string TrialStartedType = "trial-started";
    public const string AttemptCompletedType = "attempt-completed";
    public const string TrialFinishedType = "trial-finished";

    public static (string Type, string Line) For(RunEvent runEvent, DateTimeOffset at) => runEvent switch
    {
        TrialStarted started => (TrialStartedType, Line(TrialStartedType, started, at, json =>
        {
            json.WriteString("seed", SqlValues.Text(started.Seed));
            json.WriteBoolean("resumed", started.Resumed);
        })),
        AttemptCompleted completed => (AttemptCompletedType, Line(AttemptCompletedType, completed, at, json => WriteAttempt(json, completed))),
        TrialFinished finished => (TrialFinishedType, Line(TrialFinishedType, finished, at, json =>
        {
            json.WriteString("stopReason", finished.Outcome.StopReason);
            JsonLines.WriteNumber(json, "bestSpeedup", finished.Outcome.BestSpeedup);
            json.WriteString("bestHash", finished.Outcome.BestHash);
            json.WriteNumber("attempts", finished.Outcome.Attempts);
        })),
        _ => throw new ArgumentException($"unknown run event {runEvent.GetType().Name}", nameof(runEvent)),
    };

    private static string Line(string type, RunEvent runEvent, DateTimeOffset at, Action<Utf8JsonWriter> body) => JsonLines.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("type", type);
        json.WriteString("at", SqlValues.Text(at));
        json.WriteString("arm", runEvent.Trial.Arm);
        json.WriteNumber("trial", runEvent.Trial.Index);
        body(json);
        json.WriteEndObject();
    });

    private static void WriteAttempt(Utf8JsonWriter json, AttemptCompleted completed)
    {
        var a = completed.Attempt;
        json.WriteNumber("attempt", a.Index);
        json.WriteString("status", a.Status.ToName());
        json.WriteString("candidateHash", a.CandidateHash);
        json.WriteString("parentHash", a.ParentHash);
        json.WriteString("description", a.Description);
        json.WriteStartArray("moves");
        foreach (string move in a.Moves)
        {
            json.WriteStringValue(move);
        }
        json.WriteEndArray();
        JsonLines.WriteNumber(json, "speedup", a.Speedup);
        JsonLines.WriteNumber(json, "bestSpeedup", a.BestSpeedup);
        json.WriteString("detail", a.Detail);
        json.WriteStartObject("usage");
        json.WriteNumber("inputTokens", a.Usage.InputTokens);
        json.WriteNumber("outputTokens", a.Usage.OutputTokens);
        json.WriteNumber("cost", a.Usage.Cost);
        JsonLines.WriteNumber(json, "simulatedMinutes", a.Usage.SimulatedMinutes);
        json.WriteEndObject();
        json.WriteStartObject("spent");
        json.WriteNumber("attempts", a.Spent.Attempts);
        JsonLines.WriteNumber(json, "wallSeconds", SqlValues.Seconds(a.Spent.Wall));
        json.WriteNumber("tokens", a.Spent.Tokens);
        json.WriteNumber("money", a.Spent.Money);
        JsonLines.WriteNumber(json, "simulatedHours", a.Spent.SimulatedHours);
        json.WriteEndObject();
        json.WriteString("randomState", SqlValues.Text(completed.RandomState));
    }
}
