using RsiSim.Agents.Llm.Options;
using RsiSim.Core.Arms;
using N = RsiSim.Agents.Llm.Options.LlmOptionNames;

namespace RsiSim.Agents.Llm.Preflight;

/// <summary>Checks an llm arm before anything runs: an endpoint where one is needed, the key's variable set, the files it names present.</summary>
public static class LlmArmPreflight
{
    /// <param name="arm">An arm whose options the scenario loader has validated.</param>
    /// <param name="environment">Reads an environment variable (the process's, in the CLI).</param>
    public static IReadOnlyList<LlmArmProblem> Check(ArmDefinition arm, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(arm);
        ArgumentNullException.ThrowIfNull(environment);
        var options = LlmAgentOptions.From(arm.Options);
        var problems = new List<LlmArmProblem>();
        if (options.SystemPromptFile is { } prompt && !File.Exists(prompt))
        {
            problems.Add(new(N.SystemPromptFile, $"the system-prompt file '{prompt}' does not exist (paths are relative to the current folder)", LlmArmProblemKind.Invalid));
        }
        if (options.Replay is { } replay)
        {
            // A replay sends nothing anywhere: no endpoint, no key.
            if (!Directory.Exists(replay))
            {
                problems.Add(new(N.Replay, $"the run folder '{replay}' to replay does not exist", LlmArmProblemKind.Invalid));
            }
            return problems;
        }
        string provider = arm.Options.Text(N.Provider) ?? "openai-compatible";
        if (options.EffectiveEndpoint is null)
        {
            problems.Add(new(N.Endpoint, $"provider {provider} needs an endpoint (the server's base URL, e.g. http://127.0.0.1:11434/v1), or set replay", LlmArmProblemKind.Invalid));
        }
        if (options.ApiKeyEnv is null && options.Provider != LlmProvider.OpenAiCompatible)
        {
            problems.Add(new(N.ApiKeyEnv, $"provider {provider} needs a key: set apiKeyEnv to the name of the environment variable that holds it", LlmArmProblemKind.Invalid));
        }
        if (options.ApiKeyEnv is { } variable && string.IsNullOrEmpty(environment(variable)))
        {
            problems.Add(new(N.ApiKeyEnv, $"the environment variable {variable} (named by apiKeyEnv) is not set; set it to the key before 'rsisim run', e.g. export {variable}=...", LlmArmProblemKind.KeyNotSet));
        }
        return problems;
    }
}
