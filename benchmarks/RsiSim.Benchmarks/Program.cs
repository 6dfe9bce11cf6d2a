using BenchmarkDotNet.Running;
using RsiSim.Benchmarks.Evaluation;

// "fidelity" and "overhead" are console modes (Evaluation/FidelityRun.cs, Evaluation/OverheadRun.cs): their figures are
// RsiSim's own measurements, so they run RsiSim's evaluator as rsisim does. Anything else goes to BenchmarkDotNet.
return args switch
{
    ["fidelity", .. var rest] => await FidelityRun.RunAsync(rest),
    ["overhead", .. var rest] => await OverheadRun.RunAsync(rest),
    _ => Benchmarks(args),
};

static int Benchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RsiSim.Benchmarks.TinyLm.TrainingStepBenchmarks).Assembly).Run(args);
    return 0;
}
