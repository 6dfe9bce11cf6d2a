using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>A real HTTP server on 127.0.0.1 that speaks OpenAI's chat-completions API and answers each request with the next scripted reply.</summary>
internal sealed class OpenAiTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedReply> _script = new();
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();
    private WebApplication? _app;

    /// <summary>The base URL an arm's endpoint option takes, e.g. http://127.0.0.1:41234/v1 (Azure OpenAI: <see cref="Root"/>).</summary>
    public Uri Endpoint { get; private set; } = new("http://127.0.0.1/");

    /// <summary>The server's root, where an Azure OpenAI resource's deployments are.</summary>
    public Uri Root => new(Endpoint, "/");

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    /// <summary>Scripted replies not used yet.</summary>
    public int Unused => _script.Count;

    public static async Task<OpenAiTestServer> StartAsync(params ScriptedReply[] script)
    {
        var server = new OpenAiTestServer();
        server.Enqueue(script);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.HandleAsync);
        await app.StartAsync(TestContext.Current.CancellationToken);
        server._app = app;
        server.Endpoint = new Uri(app.Urls.First() + "/v1");
        return server;
    }

    public void Enqueue(params ScriptedReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None);
            await _app.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        string body = await reader.ReadToEndAsync(context.RequestAborted);
        var request = new ReceivedRequest(context.Request.Headers.Authorization.ToString(), body)
        {
            Path = context.Request.Path + context.Request.QueryString,
            ApiKey = context.Request.Headers["api-key"].ToString(),
        };
        _received.Enqueue(request);
        if (!_script.TryDequeue(out var reply))
        {
            context.Response.StatusCode = StatusCodes.Status418ImATeapot;
            await context.Response.WriteAsync("the test script has no reply left for this request");
            return;
        }
        try
        {
            await reply.WriteAsync(context, request.Stream);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client gave up (its timeout): nothing to answer.
        }
    }
}
