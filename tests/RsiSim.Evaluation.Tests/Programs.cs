using RsiSim.Evaluation.Compilation;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests;

/// <summary>Candidate programs for tests: the reference with a few lines added, compiled without the policy.</summary>
internal static class Programs
{
    private static readonly CandidateCompiler Compiler = new();

    public static string Reference => TinyLmTask.Instance.ReferenceSource;

    /// <summary>The reference with <paramref name="code"/> run at the start of every Initialize call.</summary>
    public static string ReferenceInitializingWith(string code) =>
        Reference.Replace("        _config = config;\n", "        _config = config;\n" + code + "\n", StringComparison.Ordinal);

    public static CompileResult Compile(string source)
    {
        var compiled = Compiler.Compile(source, RsiSim.Core.Candidates.Candidate.HashOf(source));
        Assert.True(compiled.Succeeded, string.Join("\n", compiled.Errors));
        return compiled;
    }

    public static byte[] Image(string source) => Compile(source).Image!;
}
