using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Worker;

/// <summary>The worker protocol's lines: what each message looks like on the wire, and what is not a message.</summary>
public sealed class ProtocolLineTests
{
    public static TheoryData<string> Lines =>
    [
        """{"type":"hello","protocol":3,"pid":42}""",
        """{"type":"load","task":"tinylm","size":"small","image":"TVqQ+/==","outputLimit":4000}""",
        """{"type":"loaded"}""",
        """{"type":"prepare","seed":18446744073709551615,"place":1}""",
        """{"type":"prepare","seed":7}""",
        """{"type":"prepared"}""",
        """{"type":"run"}""",
        """{"type":"ran"}""",
        """{"type":"result","losses":"AAAAAAAA8D8=","tensors":{"embedding":"AAAAAAAA+D8=","head":""},"output":"line \"one\"\nline <two>"}""",
        """{"type":"settle","windowMilliseconds":20}""",
        """{"type":"settled","idleCpuMilliseconds":0.25}""",
        """{"type":"error","status":"policy-violation","detail":"left 1 thread","output":""}""",
        """{"type":"bye"}""",
    ];

    [Theory]
    [MemberData(nameof(Lines))]
    public void Every_message_reads_back_to_the_line_it_was_written_as(string line)
    {
        var message = ProtocolLine.Read(line);

        Assert.NotNull(message);
        Assert.Equal(line, ProtocolLine.Write(message));
    }

    [Fact]
    public void A_result_keeps_its_tensors_by_name_and_its_base64_unescaped()
    {
        var result = new ResultMessage("AAAAAAAA8D8=", new Dictionary<string, string> { ["w"] = "+/+/" }, "");

        string line = ProtocolLine.Write(result);
        var read = Assert.IsType<ResultMessage>(ProtocolLine.Read(line));

        Assert.Contains("\"w\":\"+/+/\"", line, StringComparison.Ordinal);
        Assert.Equal("+/+/", read.Tensors["w"]);
        Assert.Equal(result.Losses, read.Losses);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"protocol":3,"pid":42}""")]
    [InlineData("""{"type":"launch"}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"type":"load","task":"tinylm","size":"small","outputLimit":4000}""")]
    [InlineData("""{"type":"load","task":"tinylm","size":"small","image":null,"outputLimit":4000}""")]
    [InlineData("""{"type":"prepare","seed":"7"}""")]
    [InlineData("""{"type":"prepare","seed":-1}""")]
    [InlineData("""{"type":"settle","windowMilliseconds":20.5}""")]
    [InlineData("""{"type":"result","losses":"","tensors":{"w":null},"output":""}""")]
    public void A_line_that_is_not_a_whole_message_reads_as_none(string line) => Assert.Null(ProtocolLine.Read(line));
}
