using System.Runtime.CompilerServices;
using RsiSim.Contracts.TinyConv;

namespace RsiSim.Tasks.TinyConv;

/// <summary>Drives a candidate through one run: every call into candidate code happens here, and all of it is timed.</summary>
public static class TinyConvRunner
{
    /// <summary>Copies the inputs the candidate may touch; do this before the clock starts.</summary>
    public static TinyConvWeights PrepareInitialWeights(TinyConvRunData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.InitialWeights.DeepCopy();
    }

    /// <summary>Constructs, initialises and trains the model, then exports its weights.</summary>
    // Inside the timed region: left to the JIT by the worker's precompilation, as the programs are (RsiSim.Worker.csproj).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static TinyConvRunResult Run(Func<ITinyConvModel> create, TinyConvRunData data, TinyConvWeights initial)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(data);
        var losses = new double[data.Config.Steps];
        ITinyConvModel model = create();
        model.Initialize(data.Config, initial);
        for (int step = 0; step < losses.Length; step++)
        {
            losses[step] = model.TrainStep(data.Batches[step], data.LearningRates[step]);
        }
        return new TinyConvRunResult(losses, model.ExportWeights());
    }
}
