using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace RsiSim.Worker.Protocol;

/// <summary>Reads and writes one protocol message per line.</summary>
/// <remarks>Strings are escaped only where JSON requires it (quotes, backslashes, control characters): the default
/// encoder's HTML-safe escaping wrote every '+' of a base64 tensor as six characters, and a run's result is a line of
/// some 600 KB of base64.</remarks>
internal static class ProtocolLine
{
    private static readonly JsonTypeInfo<WorkerMessage> Message = new WorkerJsonContext(new JsonSerializerOptions(WorkerJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }).WorkerMessage;

    public static string Write(WorkerMessage message) => JsonSerializer.Serialize(message, Message);

    /// <summary>The message on a line, or null when the line is not a protocol message.</summary>
    public static WorkerMessage? Read(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, Message);
        }
        catch (JsonException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
