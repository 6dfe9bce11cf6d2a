using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using RsiSim.Contracts.TinyConv;
using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyConv;

/// <summary>The tinyconv harness: binds an <see cref="ITinyConvModel"/>, drives its runs and checks them.</summary>
public sealed class TinyConvHarness : ITaskHarness
{
    /// <summary>The names of the tensors a run's output carries, in the contract's order.</summary>
    public static readonly ImmutableArray<string> TensorNames = ["kernels", "kernel-bias", "dense-weights", "dense-bias"];

    private readonly ReferenceScores _referenceScores = new();

    public CandidateBinding Bind(Assembly candidate) => ModelBinder.Bind(candidate, typeof(ITinyConvModel));

    public IPreparedRun Prepare(string size, ulong seed, Func<object> createModel)
    {
        var data = TinyConvRunData.Create(TinyConvSize.Named(size), seed);
        return new PreparedRun(data, TinyConvRunner.PrepareInitialWeights(data), () => (ITinyConvModel)createModel());
    }

    public RunInput? DrawInput(string size, ulong seed) => TinyConvRunData.Create(TinyConvSize.Named(size), seed).ToInput();

    public IPreparedRun Prepare(string size, ulong seed, RunInput input, Func<object> createModel)
    {
        var data = TinyConvRunData.FromInput(TinyConvSize.Named(size), input);
        return new PreparedRun(data, TinyConvRunner.PrepareInitialWeights(data), () => (ITinyConvModel)createModel());
    }

    public IReadOnlyList<CheckResult> Check(string size, ulong seed, RunOutput candidate, RunOutput reference)
    {
        var named = TinyConvSize.Named(size);
        var heldOut = TinyConvRunData.HeldOutFor(named, seed);
        return TinyConvChecks.Run(named, heldOut, candidate, reference, run => ReferenceLoss(named, seed, heldOut, run));
    }

    /// <summary>Scores the reference's final weights on the seed's held-out samples, for the pair's checks to find.</summary>
    public void Anticipate(string size, ulong seed, RunOutput reference)
    {
        var named = TinyConvSize.Named(size);
        ReferenceLoss(named, seed, TinyConvRunData.HeldOutFor(named, seed), reference);
    }

    // The reference's held-out loss on the seed's samples: remembered by run and seed, or scored now.
    private double ReferenceLoss(TinyConvSize size, ulong seed, TinyConvBatch heldOut, RunOutput reference) =>
        _referenceScores.Of(reference, size.Name, seed, r => TinyConvChecks.HeldOutLoss(size, heldOut, r));

    /// <summary>The output of a run in the task-neutral shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // inside the timed region: JIT-compiled, as the programs are
    public static RunOutput ToOutput(TinyConvRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = result.Weights;
        return new RunOutput([.. result.StepLosses], new Dictionary<string, double[]>
        {
            [TensorNames[0]] = w.Kernels,
            [TensorNames[1]] = w.KernelBias,
            [TensorNames[2]] = w.DenseWeights,
            [TensorNames[3]] = w.DenseBias,
        }.ToImmutableDictionary());
    }

    /// <summary>The weights a run's output carries, in the contract's type.</summary>
    public static TinyConvWeights ToWeights(RunOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new(output.Tensors[TensorNames[0]], output.Tensors[TensorNames[1]], output.Tensors[TensorNames[2]], output.Tensors[TensorNames[3]]);
    }

    private sealed class PreparedRun(TinyConvRunData data, TinyConvWeights initial, Func<ITinyConvModel> create) : IPreparedRun
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // inside the timed region: JIT-compiled, as the programs are
        public RunOutput Run() => ToOutput(TinyConvRunner.Run(create, data, initial));
    }
}
