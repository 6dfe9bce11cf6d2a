namespace RsiSim.Contracts.TinyConv;

/// <summary>One minibatch of signals and their classes.</summary>
/// <param name="Signals">Row-major [BatchSize, Length]: one single-channel signal per sample, earliest value first.</param>
/// <param name="Labels">[BatchSize] class ids.</param>
public sealed record TinyConvBatch(double[] Signals, int[] Labels);
