using RsiSim.Contracts.TinyConv;

namespace RsiSim.Tasks.TinyConv;

/// <summary>What one run of a candidate produced: the loss it reported at every step and its final weights.</summary>
public sealed record TinyConvRunResult(double[] StepLosses, TinyConvWeights Weights);
