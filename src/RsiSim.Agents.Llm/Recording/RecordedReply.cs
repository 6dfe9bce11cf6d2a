using System.Text.Json;
using System.Text.Json.Nodes;
using RsiSim.Agents.Llm.Chat;

namespace RsiSim.Agents.Llm.Recording;

/// <summary>The reply_json of a recorded call: the reply's text, finish reason and usage; what a replay serves again.</summary>
internal static class RecordedReply
{
    public static string ToJson(string content, string? finishReason, string? model, TokenUsage usage, bool streamed)
    {
        ArgumentNullException.ThrowIfNull(usage);
        return new JsonObject
        {
            ["content"] = content,
            ["finishReason"] = finishReason,
            ["model"] = model,
            ["streamed"] = streamed,
            ["usage"] = new JsonObject
            {
                ["inputTokens"] = usage.Input,
                ["outputTokens"] = usage.Output,
                ["reported"] = usage.Reported,
            },
        }.ToJsonString();
    }

    /// <summary>The content and finish reason of a recorded reply.</summary>
    /// <exception cref="FormatException">The text is not a recorded reply.</exception>
    public static (string Content, string? FinishReason) Parse(string replyJson)
    {
        try
        {
            var node = JsonNode.Parse(replyJson) ?? throw new FormatException("the recorded reply is null");
            string content = node["content"]?.GetValue<string>() ?? throw new FormatException("the recorded reply has no content");
            return (content, node["finishReason"]?.GetValue<string>());
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new FormatException("the recorded reply is not valid: " + ex.Message, ex);
        }
    }
}
