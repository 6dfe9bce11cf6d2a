using RsiSim.Worker.Protocol;

namespace RsiSim.Evaluation.Tests.Worker;

/// <summary>The worker protocol's lines: what each message looks like on the wire, and what is not a message.</summary>
public sealed class ProtocolLineTests
{
    public static TheoryData<string> Lines =>
    [
        """{"type":"hello","protocol":5,"pid":42}""",
        """{"type":"load","task":"tinylm","size":"small","file":"program.dll","outputLimit":4000}""",
        """{"type":"loaded"}""",
        """{"type":"prepare","seed":18446744073709551615,"place":1}""",
        """{"type":"prepare","seed":7,"place":0,"input":"input.bin"}""",
        """{"type":"prepare","seed":7}""",
        """{"type":"prepared"}""",
        """{"type":"run"}""",
        """{"type":"ran"}""",
        """{"type":"result","file":"result.bin","losses":200,"tensors":{"embedding":4096,"head":0},"output":"line \"one\"\nline <two>"}""",
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
    public void A_result_keeps_its_tensors_in_the_order_of_its_file()
    {
        var result = new ResultMessage(ResultFile.Name, 3, [KeyValuePair.Create("z", 2), KeyValuePair.Create("a", 1), KeyValuePair.Create("m", 0)], "");

        var read = Assert.IsType<ResultMessage>(ProtocolLine.Read(ProtocolLine.Write(result)));

        Assert.Equal(result.Tensors, read.Tensors);
        Assert.Equal((ResultFile.Name, 3), (read.File, read.Losses));
    }

    [Fact]
    public void A_result_file_reads_back_bit_for_bit_and_only_with_the_lengths_it_was_written_with()
    {
        string path = Path.Combine(Path.GetTempPath(), $"rsisim-result-{Guid.NewGuid():N}.bin");
        double[][] arrays = [[1.5, double.NaN, -0.0], [], [double.Epsilon, double.MaxValue]];
        try
        {
            ResultFile.Write(path, arrays);

            var read = ResultFile.Read(path, [3, 0, 2]);

            Assert.Equal(arrays.Select(a => a.Select(BitConverter.DoubleToInt64Bits)), read.Select(a => a.Select(BitConverter.DoubleToInt64Bits)));
            Assert.Throws<FormatException>(() => ResultFile.Read(path, [3, 0, 1]));
            Assert.Throws<FormatException>(() => ResultFile.Read(path, [3, 0, 3]));
            Assert.Throws<FormatException>(() => ResultFile.Read(path, [6, -1]));
            Assert.Throws<FormatException>(() => ResultFile.Read(path + ".missing", [5]));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_result_written_over_a_longer_one_holds_only_its_own_doubles()
    {
        // The worker writes every run's result over the last one's file, in place
        string path = Path.Combine(Path.GetTempPath(), $"rsisim-result-{Guid.NewGuid():N}.bin");
        try
        {
            ResultFile.Write(path, [[1, 2, 3], [4, 5]]);

            ResultFile.Write(path, [[6], [7]]);

            Assert.Equal([[6.0], [7.0]], ResultFile.Read(path, [1, 1]));
            Assert.Equal(2 * sizeof(double), new FileInfo(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("""{"protocol":3,"pid":42}""")]
    [InlineData("""{"type":"launch"}""")]
    [InlineData("""{"type":7}""")]
    [InlineData("""{"type":"load","task":"tinylm","size":"small","outputLimit":4000}""")]
    [InlineData("""{"type":"load","task":"tinylm","size":"small","file":null,"outputLimit":4000}""")]
    [InlineData("""{"type":"load","task":"tinylm","size":"small","file":7,"outputLimit":4000}""")]
    [InlineData("""{"type":"prepare","seed":"7"}""")]
    [InlineData("""{"type":"prepare","seed":-1}""")]
    [InlineData("""{"type":"settle","windowMilliseconds":20.5}""")]
    [InlineData("""{"type":"result","file":"result.bin","losses":1,"tensors":{"w":"AAAA"},"output":""}""")]
    [InlineData("""{"type":"result","losses":1,"tensors":{},"output":""}""")]
    [InlineData("""{"type":"run"} trailing""")]
    [InlineData("""{"type":"run",}""")]
    [InlineData("{\"type\":\"run")]
    [InlineData("""{"type":"ran","extra":[1,2]}""")]
    [InlineData("""{"type":"result","file":"result.bin","losses":1,"tensors":{"w":{"deeper":1}},"output":""}""")]
    [InlineData("""{"type":"error","status":"crash","detail":"bad \x escape"}""")]
    [InlineData("{\"type\":\"error\",\"status\":\"crash\",\"detail\":\"raw control \u0001 character\"}")]
    [InlineData("""{"type":"settled","idleCpuMilliseconds":01}""")]
    [InlineData("""{"type":"settled","idleCpuMilliseconds":1.}""")]
    [InlineData("""{"type":"prepare","seed":18446744073709551616}""")]
    [InlineData("")]
    public void A_line_that_is_not_a_whole_message_reads_as_none(string line) => Assert.Null(ProtocolLine.Read(line));

    [Fact]
    public void Any_text_a_program_prints_comes_back_as_it_was_printed()
    {
        // Quotes, backslashes, every control character, non-ASCII letters and a character outside the basic plane
        string printed = "say \"hi\" \\ C:\\path\n\r\t\b\f" + new string([.. Enumerable.Range(0, 32).Select(c => (char)c)]) + " ünïcödé \U0001F600 </script>";
        var error = new ErrorMessage("crash", "detail", printed);

        string line = ProtocolLine.Write(error);

        Assert.DoesNotContain('\n', line);
        Assert.Equal(error, ProtocolLine.Read(line));
    }

    [Fact]
    public void Lines_are_read_as_JSON_allows_them_written_spaces_escapes_and_all()
    {
        var read = ProtocolLine.Read(""" { "type" : "error" , "status":"crash","detail":"a\/b \u00e9\u0041","output":null} """);

        Assert.Equal(new ErrorMessage("crash", "a/b éA", ""), read);
    }

    [Theory]
    [InlineData(0.25)]
    [InlineData(1e-5)]
    [InlineData(123456.789)]
    public void A_settled_s_idle_time_reads_back_exactly(double milliseconds) =>
        Assert.Equal(milliseconds, Assert.IsType<SettledMessage>(ProtocolLine.Read(ProtocolLine.Write(new SettledMessage(milliseconds)))).IdleCpuMilliseconds);
}
