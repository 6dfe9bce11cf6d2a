using System.Collections.Immutable;

namespace RsiSim.Tasks.Harness;

/// <summary>What a run produced, in a task-neutral shape the worker protocol can carry.</summary>
/// <param name="StepLosses">The training loss the candidate reported at every step.</param>
/// <param name="Tensors">The final parameters by name, flat.</param>
public sealed record RunOutput(ImmutableArray<double> StepLosses, ImmutableDictionary<string, double[]> Tensors);
