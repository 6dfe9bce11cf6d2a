using System.Text.Json;

namespace RsiSim.Worker.Protocol;

/// <summary>Reads and writes one protocol message per line.</summary>
internal static class ProtocolLine
{
    public static string Write(WorkerMessage message) =>
        JsonSerializer.Serialize(message, WorkerJsonContext.Default.WorkerMessage);

    /// <summary>The message on a line, or null when the line is not a protocol message.</summary>
    public static WorkerMessage? Read(string line)
    {
        try
        {
            return JsonSerializer.Deserialize(line, WorkerJsonContext.Default.WorkerMessage);
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
