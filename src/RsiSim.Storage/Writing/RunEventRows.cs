using Microsoft.Data.Sqlite;
using RsiSim.Core.Runs;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Sql;

namespace RsiSim.Storage.Writing;

/// <summary>Writes one event's rows inside the caller's transaction and returns its events.jsonl line.</summary>
internal static class RunEventRows
{
    public static string Write(SqliteTransaction transaction, RunFolder folder, RunEvent runEvent, DateTimeOffset at)
    {
        switch (runEvent)
        {
            case TrialStarted started:
                TrialRows.Started(transaction, started, at);
                break;
            case AttemptCompleted completed:
                if (completed.Candidate is { } candidate)
                {
                    CandidateRows.Add(transaction, folder, candidate, at);
                }
                long id = AttemptRows.Add(transaction, completed, at);
                if (completed.Evaluation is { } evaluation)
                {
                    AttemptRows.AddEvaluation(transaction, id, evaluation);
                }
                TrialRows.AttemptRecorded(transaction, completed);
                break;
            case TrialFinished finished:
                TrialRows.Finished(transaction, finished, at);
                break;
        }
        var (type, line) = EventLines.For(runEvent, at);
        SqlCommands.Execute(transaction.Connection!, transaction, "INSERT INTO events (type, arm, trial, line) VALUES ($type, $arm, $trial, $line)",
            ("$type", type), ("$arm", runEvent.Trial.Arm), ("$trial", runEvent.Trial.Index), ("$line", line));
        return line;
    }
}
