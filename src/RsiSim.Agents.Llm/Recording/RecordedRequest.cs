using System.Text.Json;
using System.Text.Json.Nodes;
using RsiSim.Agents.Llm.Chat;
using RsiSim.Agents.Llm.Http;

namespace RsiSim.Agents.Llm.Recording;

/// <summary>The request_json of a recorded call: which attempt and candidate it was for, and what went over the wire.</summary>
internal static class RecordedRequest
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = false };

    /// <summary>A call sent over HTTP: the URL, redacted headers and the body as sent (or the prompt, if nothing was sent).</summary>
    public static string Sent(LlmRequest request, string model, CallTrace trace, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(trace);
        ArgumentNullException.ThrowIfNull(redactor);
        var json = Header(request, model);
        if (trace.Body is { } body)
        {
            json["url"] = trace.Url;
            var headers = new JsonObject();
            foreach (var (name, value) in trace.Headers)
            {
                headers[name] = value;
            }
            json["headers"] = headers;
            json["body"] = ParseOrText(body);
        }
        else
        {
            json["messages"] = Messages(request.Prompt);
        }
        return redactor.Redact(json.ToJsonString(Indented));
    }

    /// <summary>A replayed call: the prompt this run built, and where its reply came from.</summary>
    public static string Replayed(LlmRequest request, string model, string runDirectory, int call, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(redactor);
        var json = Header(request, model);
        json["replayOf"] = new JsonObject { ["run"] = runDirectory, ["call"] = call };
        json["messages"] = Messages(request.Prompt);
        return redactor.Redact(json.ToJsonString(Indented));
    }

    /// <summary>The candidate a recorded call edited, or null when the record does not say.</summary>
    public static string? BaseOf(string requestJson)
    {
        try
        {
            return JsonNode.Parse(requestJson)?["base"]?.GetValue<string>();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static JsonObject Header(LlmRequest request, string model) => new()
    {
        ["attempt"] = request.Attempt,
        ["base"] = request.BaseHash,
        ["model"] = model,
    };

    private static JsonArray Messages(LlmPrompt prompt) =>
    [
        new JsonObject { ["role"] = "system", ["content"] = prompt.System },
        new JsonObject { ["role"] = "user", ["content"] = prompt.User },
    ];

    private static JsonNode? ParseOrText(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return JsonValue.Create(body);
        }
    }
}
