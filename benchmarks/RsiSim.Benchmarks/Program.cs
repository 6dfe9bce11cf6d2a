using BenchmarkDotNet.Running;
using RsiSim.Benchmarks.Evaluation;
using RsiSim.Benchmarks.Machine;

// "fidelity" and "overhead" are console modes (Evaluation/FidelityRun.cs, Evaluation/OverheadRun.cs): their figures are
// RsiSim's own measurements, so they run RsiSim's evaluator as rsisim does. "steadiness" (Machine/SteadinessRun.cs) times
// a fixed piece of work, to tell the machine's own spread from RsiSim's. Anything else goes to BenchmarkDotNet.
return args switch
{
    ["fidelity", .. var rest] => await FidelityRun.RunAsync(rest),
    ["overhead", .. var rest] => await OverheadRun.RunAsync(rest),
    ["steadiness", .. var rest] => SteadinessRun.Run(rest),
    _ => Benchmarks(args),
};

static int Benchmarks(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(RsiSim.Benchmarks.TinyLm.TrainingStepBenchmarks).Assembly).Run(args);
    return 0;
}
