using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.TinyLm;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>How a program reaches its worker: its image in one file of the worker's own folder, named by "load".</summary>
public sealed class WorkerLoadTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_program_is_loaded_from_its_image_written_in_the_worker_s_folder()
    {
        var options = new SandboxOptions();
        await using var worker = await WorkerProcess.StartAsync(options, Cancellation);
        byte[] image = Programs.Image(Programs.Reference);

        var reply = await worker.LoadAsync(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, image, options.OutputLimit, Timeout, Cancellation);

        Assert.IsType<LoadedMessage>(reply.Message);
        Assert.Equal(image, await File.ReadAllBytesAsync(Path.Combine(worker.Folder, LoadMessage.ProgramFile), Cancellation));
        Assert.IsType<PreparedMessage>((await worker.RequestAsync(new PrepareMessage(1, null), Timeout, Cancellation)).Message);
    }

    [Theory]
    [InlineData("../program.dll")]
    [InlineData("/etc/hostname")]
    [InlineData("other.dll")]
    public async Task A_load_naming_any_other_file_is_refused_and_the_worker_stays_in_step(string file)
    {
        var options = new SandboxOptions();
        await using var worker = await WorkerProcess.StartAsync(options, Cancellation);

        var refused = await worker.RequestAsync(new LoadMessage(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, file, options.OutputLimit), Timeout, Cancellation);

        Assert.Equal(Core.Evaluations.EvaluationStatus.Crash, refused.Failure);
        Assert.Contains(LoadMessage.ProgramFile, refused.Detail, StringComparison.Ordinal);
        Assert.True(worker.IsAlive);
        var loaded = await worker.LoadAsync(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), options.OutputLimit, Timeout, Cancellation);
        Assert.IsType<LoadedMessage>(loaded.Message);
    }

    [Fact]
    public async Task A_load_before_the_image_is_written_is_refused()
    {
        var options = new SandboxOptions();
        await using var worker = await WorkerProcess.StartAsync(options, Cancellation);

        var refused = await worker.RequestAsync(new LoadMessage(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, LoadMessage.ProgramFile, options.OutputLimit), Timeout, Cancellation);

        Assert.Contains("cannot read the program's image", refused.Detail, StringComparison.Ordinal);
    }
}
