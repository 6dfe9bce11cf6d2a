using System.Runtime.CompilerServices;
using RsiSim.Core.Candidates;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;

namespace RsiSim.Evaluation.Tests.Compilation;

public sealed class CandidateCompilerTests
{
    [Fact]
    public void The_cache_keeps_no_compilation_alive_once_the_caller_drops_it()
    {
        // Given a compiler that has compiled a candidate and the policy has bound it
        var compiler = new CandidateCompiler();
        var compilation = CompileAndCheck(compiler, Programs.ReferenceInitializingWith("        _ = 1;"));

        // When the caller lets the result go
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        // Then the compiler's cache does not hold the Roslyn compilation (a long run compiles hundreds)
        Assert.False(compilation.IsAlive);
        GC.KeepAlive(compiler);
    }

    [Fact]
    public void A_cached_candidate_comes_back_with_the_same_image_and_a_compilation_the_policy_can_read()
    {
        var compiler = new CandidateCompiler();
        string source = Programs.ReferenceInitializingWith("        _ = 2;");
        var first = compiler.Compile(source, Candidate.HashOf(source));

        var second = compiler.Compile(source, Candidate.HashOf(source));

        Assert.Same(first.Image, second.Image);
        Assert.Empty(CandidatePolicy.Default.Check(second));
        Assert.Equal(first.Tree.ToString(), second.Tree.ToString());
    }

    [Fact]
    public void A_cached_compile_error_keeps_its_errors()
    {
        var compiler = new CandidateCompiler();
        const string source = "class NotAModel {";
        var first = compiler.Compile(source, Candidate.HashOf(source));

        var second = compiler.Compile(source, Candidate.HashOf(source));

        Assert.False(second.Succeeded);
        Assert.Equal(first.Errors, second.Errors);
    }

    // Not inlined, so that no local of this frame keeps the compilation reachable while the test collects.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileAndCheck(CandidateCompiler compiler, string source)
    {
        var compiled = compiler.Compile(source, Candidate.HashOf(source));
        Assert.True(compiled.Succeeded);
        Assert.Empty(CandidatePolicy.Default.Check(compiled));
        return new WeakReference(compiled.Compilation);
    }
}
