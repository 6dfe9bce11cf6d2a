using System.Globalization;
using System.Text;

namespace RsiSim.Worker.Protocol;

/// <summary>Reads and writes one protocol message per line: a JSON object whose "type" names the message, its other
/// properties camelCase, absent where null.</summary>
/// <remarks>
/// Read and written by <see cref="ProtocolJson"/>'s plain loops, which are precompiled with the worker: first the
/// serializer's source-generated metadata (until protocol 4), then the framework's JSON reader and writer had every
/// fresh worker JIT-compile their paths, with tiered compilation off, on the evaluation's path (docs/evaluation.md).
/// Strings are escaped only where JSON requires it (quotes, backslashes, control characters).
/// </remarks>
internal static class ProtocolLine
{
    public static string Write(WorkerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var json = new StringBuilder(128).Append("{\"type\":\"").Append(TypeName(message)).Append('"');
        WriteProperties(json, message);
        return json.Append('}').ToString();
    }

    /// <summary>The message on a line, or null when the line is not a protocol message (not JSON, an unknown type, a
    /// property missing or of the wrong kind).</summary>
    public static WorkerMessage? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            return ProtocolJson.Parse(line) is { } members && Find(members, "type") is string type ? ReadProperties(type, members) : null;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    private static string TypeName(WorkerMessage message) => message switch
    {
        HelloMessage => "hello",
        LoadMessage => "load",
        LoadedMessage => "loaded",
        PrepareMessage => "prepare",
        PreparedMessage => "prepared",
        RunMessage => "run",
        RanMessage => "ran",
        ResultMessage => "result",
        SettleMessage => "settle",
        SettledMessage => "settled",
        ErrorMessage => "error",
        ByeMessage => "bye",
        _ => throw new ArgumentException($"not a protocol message: {message.GetType().Name}", nameof(message)),
    };

    private static void WriteProperties(StringBuilder json, WorkerMessage message)
    {
        switch (message)
        {
            case HelloMessage hello:
                Number(json, "protocol", hello.Protocol);
                Number(json, "pid", hello.Pid);
                break;
            case LoadMessage load:
                Text(json, "task", load.Task);
                Text(json, "size", load.Size);
                Text(json, "file", load.File);
                Number(json, "outputLimit", load.OutputLimit);
                break;
            case PrepareMessage prepare:
                Number(json, "seed", prepare.Seed);
                if (prepare.Place is { } place)
                {
                    Number(json, "place", place);
                }
                if (prepare.Input is { } input)
                {
                    Text(json, "input", input);
                }
                break;
            case ResultMessage result:
                Text(json, "file", result.File);
                Number(json, "losses", result.Losses);
                Name(json, "tensors").Append('{');
                for (int i = 0; i < result.Tensors.Count; i++)
                {
                    ProtocolJson.AppendString(json.Append(i == 0 ? "" : ","), result.Tensors[i].Key).Append(':')
                        .Append(result.Tensors[i].Value.ToString(CultureInfo.InvariantCulture));
                }
                json.Append('}');
                Text(json, "output", result.Output);
                break;
            case SettleMessage settle:
                Number(json, "windowMilliseconds", settle.WindowMilliseconds);
                break;
            case SettledMessage settled:
                Number(json, "idleCpuMilliseconds", settled.IdleCpuMilliseconds);
                break;
            case ErrorMessage error:
                Text(json, "status", error.Status);
                Text(json, "detail", error.Detail);
                Text(json, "output", error.Output);
                break;
        }
    }

    private static StringBuilder Name(StringBuilder json, string name) => ProtocolJson.AppendString(json.Append(','), name).Append(':');

    private static void Text(StringBuilder json, string name, string value) => ProtocolJson.AppendString(Name(json, name), value);

    private static void Number<T>(StringBuilder json, string name, T value) where T : IFormattable =>
        Name(json, name).Append(value.ToString(null, CultureInfo.InvariantCulture));

    // A missing property throws KeyNotFoundException, one of the wrong kind InvalidOperationException, a number that is not
    // of the type asked for FormatException or OverflowException: all mean "not a message".
    private static WorkerMessage? ReadProperties(string type, List<ProtocolJson.Member> root) => type switch
    {
        "hello" => new HelloMessage(Int(root, "protocol"), Int(root, "pid")),
        "load" => new LoadMessage(Text(root, "task"), Text(root, "size"), Text(root, "file"), Int(root, "outputLimit")),
        "loaded" => new LoadedMessage(),
        "prepare" => new PrepareMessage(
            ulong.Parse(NumberText(root, "seed"), NumberStyles.None, CultureInfo.InvariantCulture),
            Find(root, "place") is null ? null : Int(root, "place"),
            Find(root, "input") is null ? null : Text(root, "input")),
        "prepared" => new PreparedMessage(),
        "run" => new RunMessage(),
        "ran" => new RanMessage(),
        "result" => new ResultMessage(Text(root, "file"), Int(root, "losses"), Tensors(root), Text(root, "output")),
        "settle" => new SettleMessage(Int(root, "windowMilliseconds")),
        "settled" => new SettledMessage(double.Parse(NumberText(root, "idleCpuMilliseconds"), NumberStyles.Float, CultureInfo.InvariantCulture)),
        "error" => new ErrorMessage(Text(root, "status"), Text(root, "detail"), Find(root, "output") as string ?? ""),
        "bye" => new ByeMessage(),
        _ => null,
    };

    // The first member of that name, or null when there is none (or its value is null).
    private static object? Find(List<ProtocolJson.Member> members, string name)
    {
        foreach (var member in members)
        {
            if (member.Name == name)
            {
                return member.Value;
            }
        }
        return null;
    }

    private static object Required(List<ProtocolJson.Member> members, string name) =>
        Find(members, name) ?? throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is missing or null"));

    private static string Text(List<ProtocolJson.Member> members, string name) =>
        Required(members, name) as string ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is not a string"));

    private static string NumberText(List<ProtocolJson.Member> members, string name) =>
        (Required(members, name) as ProtocolJson.Number)?.Text ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is not a number"));

    private static int Int(List<ProtocolJson.Member> members, string name) => ParseInt(NumberText(members, name));

    private static int ParseInt(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    // In the order of the line: the order of the result file.
    private static List<KeyValuePair<string, int>> Tensors(List<ProtocolJson.Member> root)
    {
        var members = Required(root, "tensors") as List<ProtocolJson.Member> ?? throw new InvalidOperationException("'tensors' is not an object");
        var tensors = new List<KeyValuePair<string, int>>(members.Count);
        foreach (var member in members)
        {
            var length = member.Value as ProtocolJson.Number ?? throw new InvalidOperationException($"the length of '{member.Name}' is not a number");
            tensors.Add(KeyValuePair.Create(member.Name, ParseInt(length.Text)));
        }
        return tensors;
    }
}
