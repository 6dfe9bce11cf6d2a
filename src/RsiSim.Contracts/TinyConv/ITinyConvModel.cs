namespace RsiSim.Contracts.TinyConv;

/// <summary>The contract a tinyconv candidate implements; the harness calls it, always inside the timed region.</summary>
/// <remarks>
/// The harness owns the signals, the initial weights, the step schedule and the final scoring. A candidate only
/// decides how one training step is computed. Implementations need a public parameterless constructor.
/// </remarks>
public interface ITinyConvModel
{
    /// <summary>Takes the model's sizes and the initial weights chosen by the harness.</summary>
    void Initialize(TinyConvConfig config, TinyConvWeights initial);

    /// <summary>Runs one SGD-with-momentum step on the batch and returns the batch's mean cross-entropy before the update.</summary>
    double TrainStep(TinyConvBatch batch, double learningRate);

    /// <summary>Returns the current weights in the contract's layout.</summary>
    TinyConvWeights ExportWeights();
}
