using RsiSim.Evaluation.Sandbox;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>How a run's input drawn in the host reaches a worker: input.bin in the worker's folder, named by "prepare".</summary>
public sealed class InputFileTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rsisim-input-");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private string FilePath => Path.Combine(_folder.FullName, InputFile.Name);

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void An_input_reads_back_bit_for_bit_and_a_shorter_one_written_over_it_leaves_nothing_of_it()
    {
        var large = TinyLmTask.Instance.Harness.DrawInput(TinyLmSize.Small.Name, 3)!;
        var small = new RunInput([[double.NaN, -0.0, double.Epsilon], []], [[int.MinValue, 7]]);

        InputFile.Write(FilePath, large);
        var read = InputFile.Read(FilePath);
        InputFile.Write(FilePath, small);
        var over = InputFile.Read(FilePath);

        Assert.Equal(large.Doubles, read.Doubles);
        Assert.Equal(large.Integers, read.Integers);
        Assert.Equal(small.Doubles.Select(a => a.Select(BitConverter.DoubleToInt64Bits)), over.Doubles.Select(a => a.Select(BitConverter.DoubleToInt64Bits)));
        Assert.Equal(small.Integers, over.Integers);
    }

    [Fact]
    public void A_file_that_is_not_exactly_what_its_header_names_is_malformed()
    {
        InputFile.Write(FilePath, new RunInput([[1.0, 2.0]], [[3]]));
        byte[] whole = File.ReadAllBytes(FilePath);

        File.WriteAllBytes(FilePath, whole[..^1]);
        Assert.Throws<FormatException>(() => InputFile.Read(FilePath));
        File.WriteAllBytes(FilePath, [.. whole, 0]);
        Assert.Throws<FormatException>(() => InputFile.Read(FilePath));
        File.WriteAllBytes(FilePath, whole[..5]);
        Assert.Throws<FormatException>(() => InputFile.Read(FilePath));
        File.WriteAllBytes(FilePath, [.. BitConverter.GetBytes(-1), .. whole[4..]]);
        Assert.Throws<FormatException>(() => InputFile.Read(FilePath));
        File.Delete(FilePath);
        Assert.Throws<FormatException>(() => InputFile.Read(FilePath));
    }

    [Fact]
    public void An_input_file_that_is_a_link_to_another_file_is_not_read()
    {
        string elsewhere = Path.Combine(_folder.FullName, "elsewhere.bin");
        InputFile.Write(elsewhere, new RunInput([[1.0]], []));
        File.CreateSymbolicLink(FilePath, elsewhere);

        Assert.Throws<FormatException>(() => InputFile.Read(FilePath));
    }

    [Theory]
    [InlineData("../input.bin")]
    [InlineData("program.dll")]
    public async Task A_prepare_naming_any_other_file_is_refused_and_the_worker_stays_in_step(string file)
    {
        var options = new SandboxOptions();
        await using var worker = await WorkerProcess.StartAsync(options, Cancellation);
        await worker.LoadAsync(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), options.OutputLimit, Timeout, Cancellation);

        var refused = await worker.RequestAsync(new PrepareMessage(1, null, file), Timeout, Cancellation);

        Assert.Contains(InputFile.Name, refused.Detail, StringComparison.Ordinal);
        Assert.True(worker.IsAlive);
        Assert.IsType<PreparedMessage>((await worker.RequestAsync(new PrepareMessage(1, null), Timeout, Cancellation)).Message);
    }

    [Fact]
    public async Task An_input_of_another_size_than_the_loaded_one_is_refused_and_the_worker_stays_in_step()
    {
        var options = new SandboxOptions();
        await using var worker = await WorkerProcess.StartAsync(options, Cancellation);
        await worker.LoadAsync(TinyLmTask.Instance.Id, TinyLmSize.Tiny.Name, Programs.Image(Programs.Reference), options.OutputLimit, Timeout, Cancellation);
        InputFile.Write(Path.Combine(worker.Folder, InputFile.Name), TinyLmTask.Instance.Harness.DrawInput(TinyLmSize.Small.Name, 1)!);

        var refused = await worker.RequestAsync(new PrepareMessage(1, null, InputFile.Name), Timeout, Cancellation);

        Assert.Contains("tinylm's runs at tiny", refused.Detail, StringComparison.Ordinal);
        InputFile.Write(Path.Combine(worker.Folder, InputFile.Name), TinyLmTask.Instance.Harness.DrawInput(TinyLmSize.Tiny.Name, 1)!);
        Assert.IsType<PreparedMessage>((await worker.RequestAsync(new PrepareMessage(1, null, InputFile.Name), Timeout, Cancellation)).Message);
    }
}
