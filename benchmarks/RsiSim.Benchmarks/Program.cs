using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(RsiSim.Benchmarks.TinyLm.TrainingStepBenchmarks).Assembly).Run(args);
