namespace RsiSim.Contracts.TinyLm;

/// <summary>One minibatch: for each sample, the previous characters and the character to predict.</summary>
/// <param name="Contexts">Row-major [BatchSize, Context] character ids, oldest first.</param>
/// <param name="Targets">[BatchSize] character ids to predict.</param>
public sealed record TinyLmBatch(int[] Contexts, int[] Targets);
