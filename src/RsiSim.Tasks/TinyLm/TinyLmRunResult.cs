using RsiSim.Contracts.TinyLm;

namespace RsiSim.Tasks.TinyLm;

/// <summary>What one run of a candidate produced: the loss it reported at every step and its final weights.</summary>
public sealed record TinyLmRunResult(double[] StepLosses, TinyLmWeights Weights);
