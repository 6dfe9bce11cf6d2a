using System.Runtime.Loader;
using RsiSim.Contracts.TinyLm;
using RsiSim.Core.Candidates;
using RsiSim.Evaluation.Compilation;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Benchmarks.TinyLm;

/// <summary>A tinylm composition compiled by the same Roslyn pipeline evaluations use, ready to train.</summary>
internal static class CompiledModel
{
    private static readonly CandidateCompiler Compiler = new();

    public static ITinyLmModel Create(IReadOnlyCollection<string> moves)
    {
        string source = TinyLmTask.Instance.Compose(moves);
        var compiled = Compiler.Compile(source, Candidate.HashOf(source));
        if (!compiled.Succeeded)
        {
            throw new InvalidOperationException("does not compile: " + string.Join("; ", compiled.Errors));
        }
        var assembly = new AssemblyLoadContext("benchmark").LoadFromStream(new MemoryStream(compiled.Image!));
        var binding = TinyLmTask.Instance.Harness.Bind(assembly);
        return (ITinyLmModel)(binding.Create ?? throw new InvalidOperationException(binding.Error))();
    }
}
