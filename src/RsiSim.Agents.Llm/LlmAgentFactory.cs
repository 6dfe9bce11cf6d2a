using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using RsiSim.Agents.Llm.Chat;
using RsiSim.Agents.Llm.Http;
using RsiSim.Agents.Llm.Options;
using RsiSim.Agents.Llm.Preflight;
using RsiSim.Agents.Llm.Prompting;
using RsiSim.Agents.Llm.Recording;
using RsiSim.Agents.Llm.Replay;
using RsiSim.Core.Agents;
using RsiSim.Core.Arms;

namespace RsiSim.Agents.Llm;

/// <summary>Makes <c>llm</c> agents: a language model behind an OpenAI-compatible, OpenAI or Azure OpenAI endpoint, through Semantic Kernel.</summary>
/// <remarks>Calls are recorded through an <see cref="ILlmCallRecorder"/> and replayed from an <see cref="ILlmReplaySource"/>, both taken from
/// <see cref="AgentCreation.Services"/>. The trials of one arm share one HttpClient, so they share its circuit breaker.</remarks>
public sealed class LlmAgentFactory(ILoggerFactory loggerFactory, TimeProvider time, Func<string, string?>? environment = null) : IAgentFactory
{
    public const string Name = "llm";

    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;
    private readonly ConditionalWeakTable<ArmDefinition, ILlmChat> _connections = [];

    public AgentDescriptor Descriptor { get; } = new(
        Name,
        "asks a language model (OpenAI-compatible, OpenAI or Azure OpenAI endpoint) for each candidate; records every call, and can replay a run",
        LlmOptionSpecs.All);

    public IAgent Create(AgentCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        if (LlmArmPreflight.Check(creation.Arm, _environment) is [var problem, ..])
        {
            throw new InvalidOperationException($"arm {creation.Arm.Name}: {problem.Option}: {problem.Message}");
        }
        var options = LlmAgentOptions.From(creation.Arm.Options);
        // The key is read here, held by the chat service only, and masked wherever text is recorded or logged.
        string? key = options.ApiKeyEnv is { } variable && options.Replay is null ? _environment(variable) : null;
        var redactor = new SecretRedactor(key);
        var recorder = creation.Services.GetService(typeof(ILlmCallRecorder)) as ILlmCallRecorder ?? NullLlmCallRecorder.Instance;
        var prompts = new PromptBuilder(options.EditFormat, options.History, options.SystemPromptFile is { } file ? File.ReadAllText(file) : null);
        var chat = options.Replay is { } replay
            ? new ReplayChat(ReplaySource(creation), replay, creation.Arm.Name, creation.Trial, options.Model, redactor)
            : _connections.GetValue(creation.Arm, _ => Connect(options, key, redactor));
        return new LlmAgent(options, chat, prompts, recorder, loggerFactory.CreateLogger<LlmAgent>());
    }

    private SemanticKernelChat Connect(LlmAgentOptions options, string? key, SecretRedactor redactor)
    {
        var logger = loggerFactory.CreateLogger<SemanticKernelChat>();
        var http = LlmHttpClient.Create(options, time, logger);
        return new SemanticKernelChat(ChatServices.Create(options, key, http), options, redactor, time, logger);
    }

    private static ILlmReplaySource ReplaySource(AgentCreation creation) =>
        creation.Services.GetService(typeof(ILlmReplaySource)) as ILlmReplaySource
        ?? throw new InvalidOperationException($"arm {creation.Arm.Name} replays a run, but no replay source was provided");
}
