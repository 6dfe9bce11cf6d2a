using System.Collections.Concurrent;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Folders;

public sealed class RunFolderTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly ManualTime _time = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_new_run_folder_is_named_by_its_utc_start_and_holds_the_layout()
    {
        var folder = RunFolder.Create(_temp.Combine("runs"), "quickstart", _time);

        Assert.Equal(_temp.Combine(Path.Combine("runs", "20261127T123456Z-quickstart")), folder.Directory);
        Assert.True(File.Exists(folder.Events));
        Assert.True(Directory.Exists(folder.Candidates));
        Assert.True(Directory.Exists(folder.Logs));
        Assert.Equal(Path.Combine(folder.Directory, "candidates", "0123abcd.cs"), folder.CandidateFile("0123abcd"));
    }

    [Fact]
    public void Runs_started_in_the_same_second_get_different_folders()
    {
        var made = new ConcurrentBag<string>();

        Parallel.For(0, 8, _ => made.Add(RunFolder.Create(_temp.Path, "quickstart", _time).Directory));

        Assert.Equal(8, made.Distinct().Count());
        Assert.Contains(_temp.Combine("20261127T123456Z-quickstart-8"), made);
    }

    [Fact]
    public void A_run_name_with_path_characters_becomes_a_safe_folder_name()
    {
        var folder = RunFolder.Create(_temp.Path, "../my run/ä", _time);

        Assert.Equal(_temp.Combine("20261127T123456Z-my-run"), folder.Directory);
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        var problems = RunFolder.Validate(_temp.Combine("nope"));

        Assert.Contains("no such folder", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_database_is_not_a_run()
    {
        var folder = RunFolder.Create(_temp.Path, "quickstart", _time);

        Assert.Contains("run.db: missing", Assert.Single(RunFolder.Validate(folder.Directory)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_that_is_not_sqlite_is_reported()
    {
        var folder = RunFolder.Create(_temp.Path, "quickstart", _time);
        File.WriteAllText(folder.Database, "this is not a database, it is text long enough for a header");

        Assert.Contains("not an SQLite database", Assert.Single(RunFolder.Validate(folder.Directory)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_run_is_valid()
    {
        var folder = RunFolder.Create(_temp.Path, "quickstart", _time);
        await using var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), _time, TestContext.Current.CancellationToken);

        Assert.Empty(RunFolder.Validate(folder.Directory));
    }
}
