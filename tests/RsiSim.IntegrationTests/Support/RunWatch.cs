using Microsoft.Data.Sqlite;

namespace RsiSim.IntegrationTests.Support;

/// <summary>Watches a live run from outside, as sqlite3 would: how far it got, read from its run.db without taking a lock.</summary>
internal static class RunWatch
{
    private static readonly TimeSpan Guard = TimeSpan.FromMinutes(5);

    /// <summary>The single run folder under <paramref name="runsRoot"/>, or null before rsisim made it.</summary>
    public static string? RunFolder(string runsRoot) =>
        Directory.Exists(runsRoot) ? Directory.GetDirectories(runsRoot).SingleOrDefault() : null;

    /// <summary>Attempts committed in the run, or 0 before its database has them.</summary>
    public static long Attempts(string? run) => Count(run, "SELECT count(*) FROM attempts");

    /// <summary>Trials started in the run, or 0 before its database has them.</summary>
    public static long Trials(string? run) => Count(run, "SELECT count(*) FROM trials");

    /// <summary>Polls until <paramref name="condition"/> holds while <paramref name="process"/> runs; fails if the process ends first.</summary>
    public static async Task UntilAsync(RunningCli process, Func<bool> condition, string what)
    {
        using var guard = new CancellationTokenSource(Guard);
        while (!condition())
        {
            if (process.HasExited)
            {
                var result = await process.WaitAsync(TimeSpan.FromSeconds(10));
                Assert.Fail($"rsisim ended before {what}:\n{result}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(25), guard.Token);
        }
    }

    private static long Count(string? run, string sql)
    {
        string? database = run is null ? null : Path.Combine(run, "run.db");
        if (database is null || !File.Exists(database))
        {
            return 0;
        }
        try
        {
            using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the schema is not there yet, or the file is still being created
        }
    }
}
