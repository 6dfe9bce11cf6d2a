using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Tasks;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Tasks.Harness;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Benchmarks.Evaluation;

/// <summary>The host's parts of one evaluation's overhead at small size, each alone: apply the edit, compile with Roslyn
/// warm, the policy, drawing one run's data (as a worker did, or as the host's input), preparing a run from its input, and
/// the checks of one run. The workers' part is measured by the
/// <c>overhead</c> console mode, which runs the whole evaluation.</summary>
[MedianColumn]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class EvaluationStageBenchmarks
{
    private readonly CandidateCompiler _compiler = new();
    private IReadOnlyCollection<string> _moves = [];
    private string _source = "";
    private CompileResult _compiled = null!;
    private Func<object> _create = null!;
    private RunOutput _candidateOutput = null!;
    private RunOutput _referenceOutput = null!;
    private RunInput _input = null!;
    private int _edition;

    private static TinyLmTask Task => TinyLmTask.Instance;

    [GlobalSetup]
    public void Setup()
    {
        _moves = Task.Landmark(Landmark.MidWay).Moves;
        _source = Task.Compose(_moves);
        _compiled = _compiler.Compile(_source, Candidate.HashOf(_source));
        var binding = Task.Harness.Bind(new AssemblyLoadContext("stages").LoadFromStream(new MemoryStream(_compiled.Image!)));
        _create = binding.Create ?? throw new InvalidOperationException(binding.Error);
        var reference = _compiler.Compile(Task.ReferenceSource, Candidate.HashOf(Task.ReferenceSource));
        var referenceBinding = Task.Harness.Bind(new AssemblyLoadContext("stages-reference").LoadFromStream(new MemoryStream(reference.Image!)));
        _candidateOutput = Task.Harness.Prepare(TinyLmSize.Small.Name, 1, _create).Run();
        _referenceOutput = Task.Harness.Prepare(TinyLmSize.Small.Name, 1, referenceBinding.Create!).Run();
        _input = Task.Harness.DrawInput(TinyLmSize.Small.Name, 2)!;
    }

    [Benchmark(Description = "apply the edit (compose the mid-way moves)")]
    public string ApplyEdit() => Task.Compose(_moves);

    // A new text each time, so the image cache cannot answer: Roslyn compiles for real, warm.
    [Benchmark(Description = "compile, Roslyn warm")]
    public CompileResult CompileWarm()
    {
        string source = _source + "\n// edition " + _edition++ + "\n";
        return _compiler.Compile(source, Candidate.HashOf(source));
    }

    [Benchmark(Description = "static policy")]
    public int Policy() => CandidatePolicy.Default.Check(_compiled).Length;

    [Benchmark(Description = "draw one run's data (prepare)")]
    public IPreparedRun Prepare() => Task.Harness.Prepare(TinyLmSize.Small.Name, 2, _create);

    // What the host does once a seed, ahead, since protocol 6 (each worker then only reads it back from its input file).
    [Benchmark(Description = "draw one run's input in the host")]
    public RunInput DrawInput() => Task.Harness.DrawInput(TinyLmSize.Small.Name, 2)!;

    [Benchmark(Description = "prepare a run from its input (a worker, after reading input.bin)")]
    public IPreparedRun PrepareFromInput() => Task.Harness.Prepare(TinyLmSize.Small.Name, 2, _input, _create);

    [Benchmark(Description = "checks of one run")]
    public int Checks() => Task.Harness.Check(TinyLmSize.Small.Name, 1, _candidateOutput, _referenceOutput).Count;
}
