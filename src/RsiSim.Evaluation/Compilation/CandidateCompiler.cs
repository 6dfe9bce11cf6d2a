using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Compilation;

/// <summary>Compiles candidate files in memory with Roslyn: Release, unsafe allowed, against the framework and the task contracts.</summary>
/// <remarks>References are loaded once and compiled images are cached by source hash, so Roslyn stays warm. The cache
/// keeps the image and the errors, not the Roslyn compilation: a compilation the policy has bound holds about 224 KB of
/// syntax, symbols and bound state (the image, 7 KB), and up to 128 of them made a long soak's heap rise and fall by
/// 28 MB. A hit hands back a new, unbound compilation of the same source for the policy to read.</remarks>
public sealed class CandidateCompiler
{
    private const int MaxCached = 128;
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The global usings every candidate gets, as in a .NET project with implicit usings (minus I/O and HTTP).</summary>
    public const string GlobalUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    private static readonly SyntaxTree GlobalUsingsTree = CSharpSyntaxTree.ParseText(GlobalUsings, new CSharpParseOptions(LanguageVersion.Latest), path: "global-usings.cs");
    private readonly ConcurrentDictionary<string, CompiledImage> _cache = new(StringComparer.Ordinal);

    /// <summary>Assemblies a candidate may use besides the framework: the task contracts and TensorPrimitives.</summary>
    public static IReadOnlyList<string> ExtraAssemblies { get; } =
    [
        typeof(RsiSim.Contracts.TinyLm.ITinyLmModel).Assembly.Location,
        typeof(System.Numerics.Tensors.TensorPrimitives).Assembly.Location,
    ];

    public CompileResult Compile(string source, string hash)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _cache.TryGetValue(hash, out var cached)
            ? new CompileResult(cached.Image, cached.Errors, CreateCompilation(source, hash))
            : Compile(CreateCompilation(source, hash), hash);
    }

    /// <summary>Emits <paramref name="compilation"/> (made by <see cref="CreateCompilation"/> from the source of
    /// <paramref name="hash"/>), or answers from the cache; the result carries that compilation, so a policy may read it
    /// on another thread while it is emitted.</summary>
    public CompileResult Compile(CSharpCompilation compilation, string hash)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        if (_cache.TryGetValue(hash, out var cached))
        {
            return new CompileResult(cached.Image, cached.Errors, compilation);
        }
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        var errors = emitted.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(ToDiagnostic)
            .ToImmutableArray();
        var result = new CompileResult(emitted.Success ? image.ToArray() : null, errors, compilation);
        if (_cache.Count >= MaxCached)
        {
            _cache.Clear();
        }
        _cache[hash] = new CompiledImage(result.Image, errors);
        return result;
    }

    /// <summary>The compilation of a candidate, bound on demand and not emitted: what the policy reads.</summary>
    public static CSharpCompilation CreateCompilation(string source, string hash)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "candidate.cs");
        return CSharpCompilation.Create(
            "candidate_" + hash,
            [tree, GlobalUsingsTree],
            References.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: true,
                nullableContextOptions: NullableContextOptions.Disable,
                concurrentBuild: false,
                deterministic: true));
    }

    public static CompileDiagnostic ToDiagnostic(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var span = diagnostic.Location.GetLineSpan();
        return new CompileDiagnostic(span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => IsFrameworkAssembly(Path.GetFileName(p)));
        return [.. platform.Concat(ExtraAssemblies).Distinct(StringComparer.Ordinal).Select(p => MetadataReference.CreateFromFile(p))];
    }

    // The shared framework only: not the host's own assemblies (Roslyn, the harness, the store).
    private static bool IsFrameworkAssembly(string fileName) =>
        fileName.StartsWith("System.", StringComparison.Ordinal) && !fileName.StartsWith("System.Numerics.Tensors", StringComparison.Ordinal)
        || fileName is "netstandard.dll" or "mscorlib.dll" or "System.dll" or "Microsoft.Win32.Primitives.dll";

    private sealed record CompiledImage(byte[]? Image, ImmutableArray<CompileDiagnostic> Errors);
}
