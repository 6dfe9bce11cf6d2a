using System.Runtime.CompilerServices;
using RsiSim.Contracts.TinyLm;

namespace RsiSim.Tasks.TinyLm;

/// <summary>Drives a candidate through one run: every call into candidate code happens here, and all of it is timed.</summary>
public static class TinyLmRunner
{
    /// <summary>Copies the inputs the candidate may touch; do this before the clock starts.</summary>
    public static TinyLmWeights PrepareInitialWeights(TinyLmRunData data) => data.InitialWeights.DeepCopy();

    /// <summary>Constructs, initialises and trains the model, then exports its weights.</summary>
    // Inside the timed region: left to the JIT by the worker's precompilation, as the programs are (RsiSim.Worker.csproj).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TinyLmRunResult Run(Func<ITinyLmModel> create, TinyLmRunData data, TinyLmWeights initial)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(data);
        var losses = new double[data.Config.Steps];
        ITinyLmModel model = create();
        model.Initialize(data.Config, initial);
        for (int step = 0; step < losses.Length; step++)
        {
            losses[step] = model.TrainStep(data.Batches[step], data.LearningRates[step]);
        }
        return new TinyLmRunResult(losses, model.ExportWeights());
    }
}
