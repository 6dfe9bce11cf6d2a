using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The tinylm harness: binds an <see cref="ITinyLmModel"/>, drives its runs and checks them.</summary>
public sealed class TinyLmHarness : ITaskHarness
{
    /// <summary>The names of the tensors a run's output carries, in the contract's order.</summary>
    public static readonly ImmutableArray<string> TensorNames = ["input-weights", "hidden-bias", "output-weights", "output-bias"];

    private readonly ReferenceScores _referenceScores = new();

    public CandidateBinding Bind(Assembly candidate) => ModelBinder.Bind(candidate, typeof(ITinyLmModel));

    public IPreparedRun Prepare(string size, ulong seed, Func<object> createModel)
    {
        var data = TinyLmRunData.Create(SizeNamed(size), seed);
        return new PreparedRun(data, TinyLmRunner.PrepareInitialWeights(data), () => (ITinyLmModel)createModel());
    }

    public RunInput? DrawInput(string size, ulong seed) => TinyLmRunData.Create(SizeNamed(size), seed).ToInput();

    public IPreparedRun Prepare(string size, ulong seed, RunInput input, Func<object> createModel)
    {
        var data = TinyLmRunData.FromInput(SizeNamed(size), seed, input);
        return new PreparedRun(data, TinyLmRunner.PrepareInitialWeights(data), () => (ITinyLmModel)createModel());
    }

    public IReadOnlyList<CheckResult> Check(string size, ulong seed, RunOutput candidate, RunOutput reference)
    {
        var tinySize = SizeNamed(size);
        var heldOut = TinyLmRunData.HeldOutFor(tinySize, seed);
        return TinyLmChecks.Run(tinySize, heldOut, candidate, reference, run => ReferenceLoss(tinySize, seed, heldOut, run));
    }

    /// <summary>Scores the reference's final weights on the seed's held-out samples, for the pair's checks to find.</summary>
    public void Anticipate(string size, ulong seed, RunOutput reference)
    {
        var tinySize = SizeNamed(size);
        ReferenceLoss(tinySize, seed, TinyLmRunData.HeldOutFor(tinySize, seed), reference);
    }

    // The reference's held-out loss on the seed's samples: remembered by run and seed, or scored now.
    private double ReferenceLoss(TinyLmSize size, ulong seed, TinyLmBatch heldOut, RunOutput reference) =>
        _referenceScores.Of(reference, size.Name, seed, r => TinyLmChecks.HeldOutLoss(size, heldOut, r));

    /// <summary>The output of a run in the task-neutral shape.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // inside the timed region: JIT-compiled, as the programs are
    public static RunOutput ToOutput(TinyLmRunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var w = result.Weights;
        return new RunOutput([.. result.StepLosses], new Dictionary<string, double[]>
        {
            [TensorNames[0]] = w.InputWeights,
            [TensorNames[1]] = w.HiddenBias,
            [TensorNames[2]] = w.OutputWeights,
            [TensorNames[3]] = w.OutputBias,
        }.ToImmutableDictionary());
    }

    private static TinyLmSize SizeNamed(string size) =>
        TinyLmSize.Find(size) ?? throw new ArgumentException($"unknown tinylm size '{size}'", nameof(size));

    private sealed class PreparedRun(TinyLmRunData data, TinyLmWeights initial, Func<ITinyLmModel> create) : IPreparedRun
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // inside the timed region: JIT-compiled, as the programs are
        public RunOutput Run() => ToOutput(TinyLmRunner.Run(create, data, initial));
    }
}
