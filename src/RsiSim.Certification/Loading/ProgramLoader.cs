using System.Globalization;
using System.Runtime.Loader;
using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Tasks.Harness;

namespace RsiSim.Certification.Loading;

/// <summary>Compiles programs as an evaluation does, re-checks the static policy, and loads them into one collectible context in this process.</summary>
/// <remarks>
/// Certification runs candidate code in the rsisim process, without the worker sandbox: only code that passed the
/// run's sandboxed evaluation, and passes the policy again here. Unload when done.
/// </remarks>
internal sealed class ProgramLoader(CandidateCompiler compiler, CandidatePolicy policy, ITaskHarness harness) : IDisposable
{
    private readonly AssemblyLoadContext _context = new("certification", isCollectible: true);

    public LoadedProgram Load(string? source, string hash)
    {
        if (source is null)
        {
            return LoadedProgram.Refused("missing-source", $"the run holds no source for candidate {hash}");
        }
        var compiled = compiler.Compile(source, hash);
        if (!compiled.Succeeded)
        {
            return LoadedProgram.Refused("compile-error", Describe(compiled.Errors[0]));
        }
        var violations = policy.Check(compiled);
        if (violations.Length > 0)
        {
            return LoadedProgram.Refused("policy-violation", "refused to load it in process: " + Describe(violations[0]));
        }
        var binding = harness.Bind(_context.LoadFromStream(new MemoryStream(compiled.Image!)));
        return binding.Create is null ? LoadedProgram.Refused("compile-error", binding.Error ?? "cannot bind") : new LoadedProgram(binding.Create, null, "");
    }

    public void Dispose() => _context.Unload();

    private static string Describe(CompileDiagnostic diagnostic) =>
        string.Create(CultureInfo.InvariantCulture, $"line {diagnostic.Line}, column {diagnostic.Column}: {diagnostic.Id}: {diagnostic.Message}");
}
