namespace RsiSim.Core.Evaluations;

/// <summary>One correctness check's verdict on one candidate.</summary>
/// <param name="Name">Kebab-case name, e.g. "held-out-loss".</param>
/// <param name="Passed">Whether it passed on every checked run.</param>
/// <param name="Value">The worst measured value (e.g. a relative difference), when the check measures one.</param>
/// <param name="Limit">The tolerance the value is held to.</param>
/// <param name="Detail">A sentence an agent can act on.</param>
public sealed record CheckResult(string Name, bool Passed, double? Value, double? Limit, string Detail);
