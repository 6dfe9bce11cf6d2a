namespace RsiSim.Agents.Llm.Preflight;

/// <summary>A problem of an llm arm that the option types alone cannot catch.</summary>
/// <param name="Option">The option at fault, e.g. "apiKeyEnv".</param>
/// <param name="Message">What is wrong and what to do.</param>
/// <param name="Kind">Whether it stops validate too, or only run.</param>
public sealed record LlmArmProblem(string Option, string Message, LlmArmProblemKind Kind);
