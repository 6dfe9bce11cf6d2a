using System.Runtime.Loader;
using RsiSim.Core.Candidates;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Compilation;
using RsiSim.Tasks.Harness;

namespace RsiSim.Tasks.Tests;

/// <summary>A candidate source compiled by the real Roslyn pipeline and loaded into its own context, for running through a harness.</summary>
internal sealed class CompiledCandidate : IDisposable
{
    private static readonly CandidateCompiler Compiler = new();
    private readonly AssemblyLoadContext _context = new("test-candidate", isCollectible: true);

    public CompiledCandidate(IHarnessedTask task, string source)
    {
        Task = task;
        var compiled = Compiler.Compile(source, Candidate.HashOf(source));
        Errors = compiled.Errors;
        if (compiled.Succeeded)
        {
            var binding = task.Harness.Bind(_context.LoadFromStream(new MemoryStream(compiled.Image!)));
            Create = binding.Create ?? throw new InvalidOperationException(binding.Error);
        }
    }

    public IHarnessedTask Task { get; }

    public IReadOnlyList<CompileDiagnostic> Errors { get; }

    public Func<object>? Create { get; }

    public RunOutput Run(string size, ulong seed) =>
        Task.Harness.Prepare(size, seed, Create ?? throw new InvalidOperationException("did not compile: " + string.Join("; ", Errors))).Run();

    /// <summary>Runs this candidate and <paramref name="reference"/> on the same seed and returns the checks.</summary>
    public IReadOnlyList<CheckResult> Check(CompiledCandidate reference, string size, ulong seed) =>
        Task.Harness.Check(size, seed, Run(size, seed), reference.Run(size, seed));

    public void Dispose() => _context.Unload();
}
