using BenchmarkDotNet.Attributes;
using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Tasks;
using RsiSim.Tasks.TinyLm;
using RsiSim.Tasks.TinyLm.Reference;

namespace RsiSim.Benchmarks.TinyLm;

/// <summary>One tinylm training step at small size: the reference, the mid-way landmark and the expert composition.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 15)]
public class TrainingStepBenchmarks
{
    private TinyLmRunData _data = null!;
    private ITinyLmModel _reference = null!;
    private ITinyLmModel _midWay = null!;
    private ITinyLmModel _expert = null!;
    private int _step;

    [GlobalSetup]
    public void Setup()
    {
        _data = TinyLmRunData.Create(TinyLmSize.Small, seed: 1);
        _reference = Initialized(new TinyLmModel());
        _midWay = Initialized(CompiledModel.Create(TinyLmTask.Instance.Landmark(Landmark.MidWay).Moves));
        _expert = Initialized(CompiledModel.Create(TinyLmTask.Instance.Landmark(Landmark.Expert).Moves));
    }

    [Benchmark(Baseline = true, Description = "reference")]
    public double Reference() => Step(_reference);

    [Benchmark(Description = "mid-way")]
    public double MidWay() => Step(_midWay);

    [Benchmark(Description = "expert")]
    public double Expert() => Step(_expert);

    private double Step(ITinyLmModel model)
    {
        int step = _step++ % _data.Config.Steps;
        return model.TrainStep(_data.Batches[step], _data.LearningRates[step]);
    }

    private ITinyLmModel Initialized(ITinyLmModel model)
    {
        model.Initialize(_data.Config, _data.InitialWeights.DeepCopy());
        return model;
    }
}
