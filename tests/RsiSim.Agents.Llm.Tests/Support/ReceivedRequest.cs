using System.Text.Json;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>A request the test server received: its Authorization header and its JSON body.</summary>
internal sealed record ReceivedRequest(string? Authorization, string Body)
{
    public string Path { get; init; } = "";

    /// <summary>Azure OpenAI's key header.</summary>
    public string ApiKey { get; init; } = "";

    public bool Stream => Json.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;

    public JsonDocument Json => JsonDocument.Parse(Body);

    /// <summary>The text of the message with this role.</summary>
    public string Message(string role) =>
        Json.RootElement.GetProperty("messages").EnumerateArray().First(m => m.GetProperty("role").GetString() == role).GetProperty("content").GetString()!;
}
