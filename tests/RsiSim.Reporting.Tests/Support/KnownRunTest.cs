using Microsoft.Data.Sqlite;
using RsiSim.Reporting.Comparing;
using RsiSim.Storage.Reading;
using RsiSim.Tasks;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>A test that writes <see cref="KnownRun"/> into a real run folder, and can ask its database directly.</summary>
public abstract class KnownRunTest : IDisposable
{
    private protected TempFolder Temp { get; } = new();

    private protected static ComparisonOptions Options { get; } = new() { Tasks = BuiltInTasks.Instance };

    private protected async Task<(string Directory, StoredRun Run)> KnownAsync()
    {
        string directory = await TestRuns.WriteAsync(Temp.Path, "known", KnownRun.Trials());
        return (directory, await TestRuns.LoadAsync(directory));
    }

    private protected async Task<Comparison> CompareKnownAsync() => ComparisonBuilder.Build([(await KnownAsync()).Run], Options);

    /// <summary>Runs one query on the run's database and returns every row's first column.</summary>
    private protected static List<T> Query<T>(string runDirectory, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(runDirectory, "run.db")};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<T>();
        while (reader.Read())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }
        return values;
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Temp.Dispose();
        }
    }
}
