using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>What the test server does with one HTTP request: answer (plain or streamed, as asked), fail, stall, drop or garble.</summary>
internal sealed class ScriptedReply(string name, Func<HttpContext, bool, Task> write)
{
    public const string Model = "test-model";

    public string Name => name;

    public Task WriteAsync(HttpContext context, bool stream) => write(context, stream);

    public override string ToString() => name;

    /// <summary>A chat completion with this content and usage; server-sent events when the request asked for a stream.</summary>
    public static ScriptedReply Answer(string content, int promptTokens = 1200, int completionTokens = 300, string finishReason = "stop") =>
        new("answer", (context, stream) => stream
            ? StreamAsync(context, content, promptTokens, completionTokens, finishReason, stallAfterFirst: null)
            : PlainAsync(context, content, promptTokens, completionTokens, finishReason));

    public static ScriptedReply Status(int status, int? retryAfterSeconds = null) =>
        new($"HTTP {status}", async (context, _) =>
        {
            context.Response.StatusCode = status;
            if (retryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await context.Response.WriteAsJsonAsync(new { error = new { message = $"scripted {status}", type = "server_error" } });
        });

    /// <summary>Answers only after <paramref name="delay"/>, unless the client gives up first.</summary>
    public static ScriptedReply Slow(TimeSpan delay, string content) =>
        new("slow", async (context, stream) =>
        {
            await Task.Delay(delay, context.RequestAborted);
            await Answer(content).WriteAsync(context, stream);
        });

    /// <summary>Closes the connection without a reply.</summary>
    public static ScriptedReply Drop() => new("drop", (context, _) =>
    {
        context.Abort();
        return Task.CompletedTask;
    });

    /// <summary>A 200 whose body is not JSON the client can read.</summary>
    public static ScriptedReply Malformed() => new("malformed", async (context, _) =>
    {
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"chatcmpl-x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assist""");
    });

    /// <summary>Streams the first half of the content, then goes silent for <paramref name="stall"/>.</summary>
    public static ScriptedReply StallMidStream(string content, TimeSpan stall) =>
        new("stall", (context, _) => StreamAsync(context, content, 1200, 300, "stop", stall));

    private static async Task PlainAsync(HttpContext context, string content, int promptTokens, int completionTokens, string finishReason)
    {
        await context.Response.WriteAsJsonAsync(new
        {
            id = "chatcmpl-test",
            @object = "chat.completion",
            created = 1_760_000_000,
            model = Model,
            choices = new[] { new { index = 0, message = new { role = "assistant", content }, finish_reason = finishReason } },
            usage = new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens },
        });
    }

    private static async Task StreamAsync(HttpContext context, string content, int promptTokens, int completionTokens, string finishReason, TimeSpan? stallAfterFirst)
    {
        context.Response.ContentType = "text/event-stream";
        var pieces = Split(content, 4);
        for (int i = 0; i < pieces.Count; i++)
        {
            await EventAsync(context, Chunk(new { role = i == 0 ? "assistant" : null, content = pieces[i] }, null, null));
            if (i == 0 && stallAfterFirst is { } stall)
            {
                await Task.Delay(stall, context.RequestAborted);
            }
        }
        await EventAsync(context, Chunk(new { }, finishReason, null));
        await EventAsync(context, Chunk(null, null, new { prompt_tokens = promptTokens, completion_tokens = completionTokens, total_tokens = promptTokens + completionTokens }));
        await context.Response.WriteAsync("data: [DONE]\n\n");
        await context.Response.Body.FlushAsync();
    }

    private static object Chunk(object? delta, string? finishReason, object? usage) => new
    {
        id = "chatcmpl-test",
        @object = "chat.completion.chunk",
        created = 1_760_000_000,
        model = Model,
        choices = delta is null ? Array.Empty<object>() : [new { index = 0, delta, finish_reason = finishReason }],
        usage,
    };

    private static async Task EventAsync(HttpContext context, object payload)
    {
        await context.Response.WriteAsync("data: " + JsonSerializer.Serialize(payload) + "\n\n", Encoding.UTF8);
        await context.Response.Body.FlushAsync();
    }

    private static List<string> Split(string text, int parts)
    {
        int size = Math.Max(1, (text.Length + parts - 1) / parts);
        return [.. Enumerable.Range(0, (text.Length + size - 1) / size).Select(i => text.Substring(i * size, Math.Min(size, text.Length - i * size)))];
    }
}
