using System.Collections.Concurrent;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Folders;

public sealed class RunFolderTests : RunFolderTest
{
    [Fact]
    public void A_new_run_folder_is_named_by_its_utc_start_and_holds_the_layout()
    {
        var folder = RunFolder.Create(Temp.Combine("runs"), "quickstart", Time);

        Assert.Equal(Temp.Combine(Path.Combine("runs", "20261127T123456Z-quickstart")), folder.Directory);
        Assert.True(File.Exists(folder.Events));
        Assert.True(Directory.Exists(folder.Candidates));
        Assert.True(Directory.Exists(folder.Logs));
        Assert.Equal(Path.Combine(folder.Directory, "candidates", "0123abcd.cs"), folder.CandidateFile("0123abcd"));
    }

    [Fact]
    public void Runs_started_in_the_same_second_get_different_folders()
    {
        var made = new ConcurrentBag<string>();

        Parallel.For(0, 8, _ => made.Add(NewFolder().Directory));

        Assert.Equal(8, made.Distinct().Count());
        Assert.Contains(Temp.Combine("20261127T123456Z-quickstart-8"), made);
    }

    [Fact]
    public void A_run_name_with_path_characters_becomes_a_safe_folder_name()
    {
        var folder = RunFolder.Create(Temp.Path, "../my run/ä", Time);

        Assert.Equal(Temp.Combine("20261127T123456Z-my-run"), folder.Directory);
    }

    [Fact]
    public void A_missing_folder_is_reported()
    {
        var problems = RunFolder.Validate(Temp.Combine("nope"));

        Assert.Contains("no such folder", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_database_is_not_a_run()
    {
        var folder = NewFolder();

        Assert.Contains("run.db: missing", Assert.Single(RunFolder.Validate(folder.Directory)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_database_that_is_not_sqlite_is_reported()
    {
        var folder = NewFolder();
        File.WriteAllText(folder.Database, "this is not a database, it is text long enough for a header");

        Assert.Contains("not an SQLite database", Assert.Single(RunFolder.Validate(folder.Directory)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_created_run_is_valid()
    {
        var folder = NewFolder();
        await using var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct);

        Assert.Empty(RunFolder.Validate(folder.Directory));
    }
}
