using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;
using RsiSim.Storage.Sql;
using RsiSim.Storage.Writing;

namespace RsiSim.Storage.Reading;

/// <summary>Rebuilds an <see cref="Evaluation"/> from its row (columns prefixed e_) and its measurements.</summary>
internal static class EvaluationReader
{
    private static readonly Dictionary<string, EvaluationStatus> Statuses =
        Enum.GetValues<EvaluationStatus>().ToDictionary(s => s.ToName(), StringComparer.Ordinal);

    public static EvaluationResult Read(SqliteDataReader row, IEnumerable<StoredMeasurement> measurements)
    {
        string status = row.Text("e_status");
        SpeedupMeasurement? timing = null;
        if (row.Flag("e_timed"))
        {
            var seconds = measurements.ToList();
            timing = new SpeedupMeasurement(
                // SQLite stores NaN as NULL; a timing that recorded NaN reads back as NaN.
                row.DoubleOrNull("e_speedup") ?? double.NaN,
                row.DoubleOrNull("e_low") ?? double.NaN,
                row.DoubleOrNull("e_high") ?? double.NaN,
                [.. seconds.Where(m => m.Side == "baseline").Select(m => m.Seconds)],
                [.. seconds.Where(m => m.Side == "candidate").Select(m => m.Seconds)]);
        }
        return new EvaluationResult(
            Statuses.TryGetValue(status, out var parsed) ? parsed : throw new FormatException($"unknown evaluation status '{status}'"),
            row.Text("e_summary"),
            JsonSerializer.Deserialize<ImmutableArray<CheckResult>>(row.Text("e_checks"), JsonLines.SerializerOptions),
            JsonSerializer.Deserialize<ImmutableArray<CompileDiagnostic>>(row.Text("e_diagnostics"), JsonLines.SerializerOptions),
            timing,
            row.Text("e_output"))
        {
            FromCache = row.Flag("e_cache"),
        };
    }
}
