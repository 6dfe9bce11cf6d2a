using RsiSim.Evaluation.Sandbox;
using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Sandbox;

/// <summary>How the host reads a run's result: the line names the doubles, the worker's result.bin holds them.</summary>
public sealed class ResultDecodingTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("rsisim-decode-");

    public ResultDecodingTests() => ResultFile.Write(Path.Combine(_folder.FullName, ResultFile.Name), [[0.5, 0.25], [1, 2, 3], [4]]);

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public void A_result_is_the_losses_then_each_tensor_in_the_order_the_line_names_them()
    {
        var output = WorkerSession.Decode(Result(("b", 3), ("a", 1)), _folder.FullName);

        Assert.NotNull(output);
        Assert.Equal([0.5, 0.25], output.StepLosses);
        Assert.Equal([1.0, 2, 3], output.Tensors["b"]);
        Assert.Equal([4.0], output.Tensors["a"]);
    }

    [Fact]
    public void Another_file_a_tensor_named_twice_or_lengths_the_file_does_not_hold_are_malformed()
    {
        Assert.Null(WorkerSession.Decode(Result(("b", 3), ("a", 1)) with { File = "../result.bin" }, _folder.FullName));
        Assert.Null(WorkerSession.Decode(Result(("b", 3), ("b", 1)), _folder.FullName));
        Assert.Null(WorkerSession.Decode(Result(("b", 3), ("a", 2)), _folder.FullName));
        Assert.Null(WorkerSession.Decode(Result(("b", 3)), _folder.FullName));
    }

    [Fact]
    public void A_result_file_that_is_a_link_to_another_file_is_not_read()
    {
        string elsewhere = Path.Combine(_folder.FullName, "elsewhere.bin");
        File.Move(Path.Combine(_folder.FullName, ResultFile.Name), elsewhere);
        File.CreateSymbolicLink(Path.Combine(_folder.FullName, ResultFile.Name), elsewhere);

        Assert.Null(WorkerSession.Decode(Result(("b", 3), ("a", 1)), _folder.FullName));
    }

    private static ResultMessage Result(params (string Name, int Length)[] tensors) =>
        new(ResultFile.Name, 2, [.. tensors.Select(t => KeyValuePair.Create(t.Name, t.Length))], "");
}
