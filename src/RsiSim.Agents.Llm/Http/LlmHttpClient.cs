using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using RsiSim.Agents.Llm.Options;

namespace RsiSim.Agents.Llm.Http;

/// <summary>Builds the HttpClient an arm's calls go through: capture → resilience → attempt → sockets.</summary>
internal static class LlmHttpClient
{
    public static HttpClient Create(LlmAgentOptions options, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var sockets = new SocketsHttpHandler
        {
            ConnectTimeout = options.RequestTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var attempt = new AttemptHandler { InnerHandler = sockets };
        var resilience = new ResilienceHandler(LlmResiliencePipeline.Build(options, time, logger)) { InnerHandler = attempt };
        var capture = new CallCaptureHandler { InnerHandler = resilience };
        // The pipeline owns the timeouts; HttpClient's own would cut long streamed replies short.
        return new HttpClient(capture) { Timeout = Timeout.InfiniteTimeSpan };
    }
}
