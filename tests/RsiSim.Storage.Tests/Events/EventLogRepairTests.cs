using RsiSim.Core.Trials;
using RsiSim.Storage.Events;
using RsiSim.Storage.Folders;
using RsiSim.Storage.Tests.Support;

namespace RsiSim.Storage.Tests.Events;

public sealed class EventLogRepairTests : RunFolderTest
{
    // A run of two trials, closed; returns its folder and the events file as written.
    private async Task<(RunFolder Folder, byte[] Original)> RunAsync()
    {
        var folder = NewFolder();
        await using (var store = await SqliteRunStore.CreateAsync(folder.Directory, SampleManifest.Create(), Time, Ct))
        {
            await SampleManifest.PlayAsync(store, new TrialKey("greedy", 0), attempts: 4, finish: true);
            await SampleManifest.PlayAsync(store, new TrialKey("random", 0), attempts: 3, finish: false);
        }
        return (folder, await File.ReadAllBytesAsync(folder.Events, Ct));
    }

    [Fact]
    public async Task An_intact_log_is_left_alone()
    {
        var (folder, original) = await RunAsync();

        var check = await EventLogRepair.RepairAsync(folder.Directory, Ct);

        Assert.True(check.Intact);
        Assert.Equal((10, 10, 7, 7), (check.FileLines, check.DatabaseEvents, check.FileAttempts, check.DatabaseAttempts));
        Assert.Equal(original, await File.ReadAllBytesAsync(folder.Events, Ct));
    }

    [Fact]
    public async Task A_log_cut_mid_line_is_rebuilt_equal_to_the_original()
    {
        var (folder, original) = await RunAsync();
        await File.WriteAllBytesAsync(folder.Events, original[..^40], Ct);

        var check = await EventLogRepair.RepairAsync(folder.Directory, Ct);

        Assert.Equal("the last line is cut off", check.Problem);
        Assert.Equal(original, await File.ReadAllBytesAsync(folder.Events, Ct));
    }

    [Fact]
    public async Task A_log_missing_its_last_attempts_is_rebuilt_equal_to_the_original()
    {
        var (folder, original) = await RunAsync();
        var lines = await File.ReadAllLinesAsync(folder.Events, Ct);
        await File.WriteAllLinesAsync(folder.Events, lines[..^2], Ct);

        var check = await EventLogRepair.RepairAsync(folder.Directory, Ct);

        Assert.Equal("it has 5 attempt events but the database has 7 attempts", check.Problem);
        Assert.Equal(original, await File.ReadAllBytesAsync(folder.Events, Ct));
    }

    [Fact]
    public async Task A_log_with_a_corrupt_line_is_rebuilt()
    {
        var (folder, original) = await RunAsync();
        var lines = await File.ReadAllLinesAsync(folder.Events, Ct);
        lines[4] = "{\"type\":\"attempt-comp\0\0\0";
        await File.WriteAllLinesAsync(folder.Events, lines, Ct);

        Assert.Equal("line 5 is not a valid event", (await EventLogRepair.CheckAsync(folder.Directory, Ct)).Problem);
        await EventLogRepair.RepairAsync(folder.Directory, Ct);

        Assert.Equal(original, await File.ReadAllBytesAsync(folder.Events, Ct));
    }

    [Fact]
    public async Task Checking_does_not_change_the_log()
    {
        var (folder, original) = await RunAsync();
        await File.WriteAllBytesAsync(folder.Events, original[..^1], Ct);

        Assert.False((await EventLogRepair.CheckAsync(folder.Directory, Ct)).Intact);

        Assert.Equal(original[..^1], await File.ReadAllBytesAsync(folder.Events, Ct));
    }

    [Fact]
    public async Task Resuming_a_run_with_a_cut_log_rebuilds_it_before_appending()
    {
        var (folder, original) = await RunAsync();
        await File.WriteAllBytesAsync(folder.Events, original[..^25], Ct);

        await using (var store = await SqliteRunStore.OpenAsync(folder.Directory, Time, Ct))
        {
            await store.WriteAsync(new SampleTrial(new TrialKey("random", 1), 5).Start(), Ct);
        }

        Assert.True((await EventLogRepair.CheckAsync(folder.Directory, Ct)).Intact);
        var text = await File.ReadAllBytesAsync(folder.Events, Ct);
        Assert.Equal(original, text[..original.Length]);
        Assert.Equal(11, (await File.ReadAllLinesAsync(folder.Events, Ct)).Length);
    }
}
