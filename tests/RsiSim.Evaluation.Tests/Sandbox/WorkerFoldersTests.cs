using System.Diagnostics;
using RsiSim.Evaluation.Sandbox;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>Worker folders left behind by a host that was killed are removed by the next host; nothing of a live one is.</summary>
public sealed class WorkerFoldersTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_folders_of_hosts_that_are_gone_are_removed_and_those_of_running_hosts_are_kept()
    {
        string temp = Directory.CreateTempSubdirectory("rsisim-sweep-").FullName;
        try
        {
            // A host that has exited, this (running) host, folders from before folders named their host, and someone else's
            int gone = await ExitedProcessIdAsync();
            string orphan = Folder(temp, $"rsisim-worker-{gone}-abc123", withFile: true);
            string ours = Folder(temp, $"rsisim-worker-{Environment.ProcessId}-def456", withFile: true);
            string oldUnowned = Folder(temp, "rsisim-worker-Xy12Zq", withFile: false);
            Directory.SetLastWriteTimeUtc(oldUnowned, DateTime.UtcNow.AddDays(-2));
            string newUnowned = Folder(temp, "rsisim-worker-Ab34Cd", withFile: false);
            string unrelated = Folder(temp, $"other-{gone}-folder", withFile: false);

            int removed = WorkerFolders.SweepOrphans(temp);

            Assert.Equal(2, removed);
            Assert.False(Directory.Exists(orphan));
            Assert.False(Directory.Exists(oldUnowned));
            Assert.True(Directory.Exists(ours));
            Assert.True(File.Exists(Path.Combine(ours, "result.bin")));
            Assert.True(Directory.Exists(newUnowned));
            Assert.True(Directory.Exists(unrelated));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Fact]
    public async Task A_worker_s_folder_is_named_after_its_host()
    {
        await using var worker = await WorkerProcess.StartAsync(new SandboxOptions(), Cancellation);

        Assert.Equal(Environment.ProcessId, WorkerFolders.HostOf(Path.GetFileName(worker.Folder)));
        Assert.StartsWith(Path.GetFullPath(Path.GetTempPath()), worker.Folder, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rsisim-worker-4711-abc", 4711)]
    [InlineData("rsisim-worker-abc123", null)]
    [InlineData("rsisim-worker--abc", null)]
    [InlineData("rsisim-work", null)]
    [InlineData("other-4711-abc", null)]
    public void The_host_is_read_from_the_folder_s_name(string name, int? host) => Assert.Equal(host, WorkerFolders.HostOf(name));

    private static string Folder(string temp, string name, bool withFile)
    {
        string path = Directory.CreateDirectory(Path.Combine(temp, name)).FullName;
        if (withFile)
        {
            File.WriteAllBytes(Path.Combine(path, "result.bin"), [1, 2, 3]);
        }
        return path;
    }

    private static async Task<int> ExitedProcessIdAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await process.WaitForExitAsync(Cancellation);
        return process.Id;
    }
}
