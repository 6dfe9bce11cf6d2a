namespace RsiSim.Worker.Protocol;

/// <summary>Worker → host: a request failed; <paramref name="Status"/> is the evaluation status it should end in.</summary>
/// <param name="Status">Kebab-case: "compile-error", "crash", "out-of-memory", "policy-violation", or "protocol" for a malformed request.</param>
/// <param name="Detail">A sentence an agent can act on.</param>
/// <param name="Output">What the program printed before it failed, truncated.</param>
internal sealed record ErrorMessage(string Status, string Detail, string Output = "") : WorkerMessage;
