using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RsiSim.Worker.Protocol;

/// <summary>Reads and writes one protocol message per line: a JSON object whose "type" names the message, its other
/// properties camelCase, absent where null.</summary>
/// <remarks>
/// Written and read by hand with <see cref="Utf8JsonWriter"/> and <see cref="JsonDocument"/>, which the framework ships
/// compiled ahead of time: the serializer's metadata for the message types (source-generated until 2026-11-28) had the
/// worker JIT-compile some 190 methods before its first line, with tiered compilation off, in every worker of every
/// evaluation (docs/evaluation.md). Strings are escaped only where JSON requires it (quotes, backslashes, control
/// characters): HTML-safe escaping would write every '+' of the base64 of a program's image as six characters.
/// </remarks>
internal static class ProtocolLine
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(WorkerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is HelloMessage hello)
        {
            // A fresh worker's first line, on the path of its start: formatted directly, as the writer below would, because
            // the writer's first use (its encoder's tables, its first JIT-compiled paths) took some 25 ms of a ~90 ms start.
            return string.Create(CultureInfo.InvariantCulture, $$"""{"type":"hello","protocol":{{hello.Protocol}},"pid":{{hello.Pid}}}""");
        }
        var buffer = new ArrayBufferWriter<byte>(message is LoadMessage ? 1 << 16 : 256);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeName(message));
            WriteProperties(json, message);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The message on a line, or null when the line is not a protocol message (not JSON, an unknown type, a
    /// property missing or of the wrong kind).</summary>
    public static WorkerMessage? Read(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                ? ReadProperties(type.GetString()!, root)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
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

    private static void WriteProperties(Utf8JsonWriter json, WorkerMessage message)
    {
        switch (message)
        {
            case HelloMessage hello:
                json.WriteNumber("protocol", hello.Protocol);
                json.WriteNumber("pid", hello.Pid);
                break;
            case LoadMessage load:
                json.WriteString("task", load.Task);
                json.WriteString("size", load.Size);
                json.WriteString("image", load.Image);
                json.WriteNumber("outputLimit", load.OutputLimit);
                break;
            case PrepareMessage prepare:
                json.WriteNumber("seed", prepare.Seed);
                if (prepare.Place is { } place)
                {
                    json.WriteNumber("place", place);
                }
                break;
            case ResultMessage result:
                json.WriteString("file", result.File);
                json.WriteNumber("losses", result.Losses);
                json.WriteStartObject("tensors");
                foreach (var (name, length) in result.Tensors)
                {
                    json.WriteNumber(name, length);
                }
                json.WriteEndObject();
                json.WriteString("output", result.Output);
                break;
            case SettleMessage settle:
                json.WriteNumber("windowMilliseconds", settle.WindowMilliseconds);
                break;
            case SettledMessage settled:
                json.WriteNumber("idleCpuMilliseconds", settled.IdleCpuMilliseconds);
                break;
            case ErrorMessage error:
                json.WriteString("status", error.Status);
                json.WriteString("detail", error.Detail);
                json.WriteString("output", error.Output);
                break;
        }
    }

    // A missing property throws KeyNotFoundException, one of the wrong kind InvalidOperationException: both mean "not a message".
    private static WorkerMessage? ReadProperties(string type, JsonElement root) => type switch
    {
        "hello" => new HelloMessage(root.GetProperty("protocol").GetInt32(), root.GetProperty("pid").GetInt32()),
        "load" => new LoadMessage(Text(root, "task"), Text(root, "size"), Text(root, "image"), root.GetProperty("outputLimit").GetInt32()),
        "loaded" => new LoadedMessage(),
        "prepare" => new PrepareMessage(
            root.GetProperty("seed").GetUInt64(),
            root.TryGetProperty("place", out var place) && place.ValueKind != JsonValueKind.Null ? place.GetInt32() : null),
        "prepared" => new PreparedMessage(),
        "run" => new RunMessage(),
        "ran" => new RanMessage(),
        "result" => new ResultMessage(Text(root, "file"), root.GetProperty("losses").GetInt32(), Tensors(root.GetProperty("tensors")), Text(root, "output")),
        "settle" => new SettleMessage(root.GetProperty("windowMilliseconds").GetInt32()),
        "settled" => new SettledMessage(root.GetProperty("idleCpuMilliseconds").GetDouble()),
        "error" => new ErrorMessage(Text(root, "status"), Text(root, "detail"), root.TryGetProperty("output", out var output) ? output.GetString() ?? "" : ""),
        "bye" => new ByeMessage(),
        _ => null,
    };

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"'{name}' is null"));

    // In the order of the line: the order of the result file.
    private static List<KeyValuePair<string, int>> Tensors(JsonElement tensors) =>
        [.. tensors.EnumerateObject().Select(tensor => KeyValuePair.Create(tensor.Name, tensor.Value.GetInt32()))];
}
