using RsiSim.Reporting.Comparing;
using RsiSim.Storage.Reading;

namespace RsiSim.Reporting.Export;

/// <summary>Writes a run as two tidy tables, attempts and trials, in CSV or JSON, ready for pandas or R.</summary>
public static class RunExporter
{
    /// <returns>The files written: attempts, then trials.</returns>
    public static IReadOnlyList<string> Export(StoredRun run, ExportFormat format, string directory)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var runs = RunLabels.Label([run]);
        var arms = RunLabels.Arms(runs);
        var attempts = arms.SelectMany(arm => arm.Trials.SelectMany(t => t.Attempts.Select(a => new AttemptRow(runs[0], arm, a)))).ToList();
        var trials = arms.SelectMany(arm => arm.Trials.Select(t => new TrialRow(runs[0], arm, t))).ToList();
        string extension = format == ExportFormat.Csv ? ".csv" : ".json";
        string attemptsPath = Path.Combine(directory, "attempts" + extension);
        string trialsPath = Path.Combine(directory, "trials" + extension);
        if (format == ExportFormat.Csv)
        {
            CsvTableWriter.Write(attemptsPath, AttemptColumns.All, attempts);
            CsvTableWriter.Write(trialsPath, TrialColumns.All, trials);
        }
        else
        {
            JsonTableWriter.Write(attemptsPath, AttemptColumns.All, attempts);
            JsonTableWriter.Write(trialsPath, TrialColumns.All, trials);
        }
        return [attemptsPath, trialsPath];
    }
}
