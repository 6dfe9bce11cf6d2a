using RsiSim.Core.Candidates;
using RsiSim.Core.Moves;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Policy;

public sealed class CandidatePolicyTests
{
    private static IReadOnlyList<string> Check(string source) =>
        [.. CandidatePolicy.Default.Check(Programs.Compile(source)).Select(d => d.Id)];

    private static string InMethod(string body) => $$"""
        using System.Runtime.Intrinsics;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Numerics.Tensors;

        public sealed unsafe class Probe
        {
            private double[] _buffer = new double[64];

            public void Run()
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public void The_reference_passes_the_policy()
    {
        Assert.Empty(Check(TinyLmTask.Instance.ReferenceSource));
    }

    [Fact]
    public void Every_composition_of_correct_tinylm_moves_passes_the_policy()
    {
        var library = new MoveLibrary(TinyLmTask.Instance.Moves.All.Where(m => m.Kind == MoveKind.Correct));
        var compositions = Compositions(library, 0, []).ToList();
        Assert.True(compositions.Count > library.All.Length, $"only {compositions.Count} compositions");
        TestContext.Current.SendDiagnosticMessage($"{compositions.Count} compositions");
        foreach (var moves in compositions)
        {
            // Bound, not emitted: the policy reads the semantic model only, and there are hundreds of these.
            string source = TinyLmTask.Instance.Compose(moves);
            var violations = CandidatePolicy.Default.Check(CandidateCompiler.CreateCompilation(source, Candidate.HashOf(source)));
            Assert.True(violations.IsEmpty, $"[{string.Join(", ", moves)}]: {string.Join("; ", violations)}");
        }
    }

    [Fact]
    public void Wrong_moves_are_wrong_but_not_hostile_and_pass_the_policy()
    {
        var library = TinyLmTask.Instance.Moves;
        foreach (var wrong in library.All.Where(m => m.Kind == MoveKind.Wrong))
        {
            string source = TinyLmTask.Instance.Compose(library.Closure(wrong.Id));
            Assert.Empty(CandidatePolicy.Default.Check(CandidateCompiler.CreateCompilation(source, Candidate.HashOf(source))));
        }
    }

    // Every set of moves that can be applied together, each built in canonical order.
    private static IEnumerable<string[]> Compositions(MoveLibrary library, int from, string[] applied)
    {
        yield return applied;
        for (int i = from; i < library.All.Length; i++)
        {
            var move = library.All[i];
            if (library.CanAdd(applied.ToHashSet(), move))
            {
                foreach (var more in Compositions(library, i + 1, [.. applied, move.Id]))
                {
                    yield return more;
                }
            }
        }
    }

    [Theory]
    [InlineData("System.IO.File.ReadAllBytes(\"/etc/passwd\");", "RSP001")]
    [InlineData("using var s = new System.IO.FileStream(\"x\", System.IO.FileMode.Create);", "RSP001")]
    [InlineData("System.IO.Directory.CreateDirectory(\"x\");", "RSP001")]
    [InlineData("var p = System.IO.Path.GetTempPath();", "RSP001")]
    [InlineData("using var m = System.IO.MemoryMappedFiles.MemoryMappedFile.CreateNew(\"m\", 10);", "RSP001")]
    [InlineData("using var c = new System.Net.Http.HttpClient();", "RSP002")]
    [InlineData("using var s = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);", "RSP002")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "RSP003")]
    [InlineData("var t = typeof(Probe).GetMethod(\"Run\");", "RSP004")]
    [InlineData("var t = System.Type.GetType(\"RsiSim.Tasks.TinyLm.TinyLmRunData\");", "RSP004")]
    [InlineData("var o = System.Activator.CreateInstance(typeof(Probe));", "RSP004")]
    [InlineData("Action a = Run; var m = a.Method;", "RSP004")]
    [InlineData("var a = System.Reflection.Assembly.Load(new byte[1]);", "RSP005")]
    [InlineData("var c = System.Runtime.Loader.AssemblyLoadContext.Default;", "RSP005")]
    [InlineData("var d = System.AppDomain.CurrentDomain;", "RSP005")]
    [InlineData("System.Linq.Expressions.Expression<Func<int>> e = () => 1; e.Compile();", "RSP005")]
    [InlineData("System.Runtime.InteropServices.NativeLibrary.Load(\"libc.so.6\");", "RSP006")]
    [InlineData("var d = Marshal.GetDelegateForFunctionPointer<Action>(IntPtr.Zero);", "RSP006")]
    [InlineData("Environment.Exit(0);", "RSP007")]
    [InlineData("var k = Environment.GetEnvironmentVariable(\"OPENAI_API_KEY\");", "RSP007")]
    [InlineData("AppContext.SetSwitch(\"x\", true);", "RSP007")]
    [InlineData("GC.Collect();", "RSP008")]
    [InlineData("System.Runtime.GCSettings.LatencyMode = System.Runtime.GCLatencyMode.SustainedLowLatency;", "RSP008")]
    [InlineData("RuntimeHelpers.RunClassConstructor(typeof(Probe).TypeHandle);", "RSP008")]
    [InlineData("ThreadPool.SetMinThreads(64, 64);", "RSP008")]
    [InlineData("Thread.CurrentThread.Priority = ThreadPriority.Highest;", "RSP008")]
    [InlineData("new Thread(() => { }) { Name = \".NET Tiered Com\" }.Start();", "RSP008")]
    [InlineData("var line = Console.ReadLine();", "RSP009")]
    [InlineData("using var raw = Console.OpenStandardOutput();", "RSP009")]
    [InlineData("Console.SetOut(System.IO.TextWriter.Null);", "RSP009")]
    [InlineData("using var t = new Timer(_ => { }, null, 0, 1);", "RSP010")]
    [InlineData("long t = System.Diagnostics.Stopwatch.GetTimestamp();", "RSP011")]
    [InlineData("var frames = new System.Diagnostics.StackTrace().GetFrames();", "RSP011")]
    [InlineData("var x = System.Xml.XmlReader.Create(\"http://example.com\");", "RSP012")]
    [InlineData("delegate* unmanaged<int> f = null;", "RSP013")]
    public void A_forbidden_api_is_reported_under_its_rule(string body, string rule)
    {
        Assert.Contains(rule, Check(InMethod(body)));
    }

    [Fact]
    public void Extern_methods_and_library_imports_are_reported()
    {
        string source = """
            public static class Native
            {
                [System.Runtime.InteropServices.DllImport("libc")]
                public static extern int getpid();
            }
            """;
        Assert.Equal(["RSP006", "RSP013"], Check(source).Order());
    }

    [Fact]
    public void A_module_initializer_is_reported_as_untimed_code()
    {
        string source = """
            public static class Early
            {
                [System.Runtime.CompilerServices.ModuleInitializer]
                public static void Start() { }
            }
            """;
        Assert.Equal(["RSP010"], Check(source));
    }

    [Fact]
    public void A_violation_names_its_line_column_and_api()
    {
        var compiled = Programs.Compile("class C\n{\n    void M() => System.IO.File.Delete(\"x\");\n}\n");

        var violation = Assert.Single(CandidatePolicy.Default.Check(compiled));

        Assert.Equal((3, 27, "RSP001"), (violation.Line, violation.Column, violation.Id));
        Assert.Contains("System.IO.File", violation.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("var v = Vector256.Create(1.0); var w = Vector256.Add(v, v);")]
    [InlineData("if (System.Runtime.Intrinsics.X86.Avx2.IsSupported) { var z = Vector256<int>.Zero; }")]
    [InlineData("TensorPrimitives.Add(_buffer, _buffer, _buffer);")]
    [InlineData("var n = System.Numerics.Vector<double>.Count;")]
    [InlineData("Parallel.For(0, 4, i => _buffer[i] = i);")]
    [InlineData("Task.Run(() => 1).Wait();")]
    [InlineData("var t = new Thread(() => { }); t.Start(); t.Join();")]
    [InlineData("fixed (double* p = _buffer) { p[0] = 1; }")]
    [InlineData("double* s = stackalloc double[8]; s[0] = 1;")]
    [InlineData("void* m = NativeMemory.AlignedAlloc(64, 64); NativeMemory.AlignedFree(m);")]
    [InlineData("ref double r = ref MemoryMarshal.GetArrayDataReference(_buffer); r = Unsafe.Add(ref r, 1);")]
    [InlineData("var same = typeof(double) == typeof(float);")]
    [InlineData("var refs = RuntimeHelpers.IsReferenceOrContainsReferences<double>();")]
    [InlineData("Console.WriteLine(Math.Sqrt(2) + MathF.Tanh(1f)); Console.Out.Flush();")]
    [InlineData("var sum = Enumerable.Range(0, 10).Select(i => i * 2).Sum(); var list = new List<int> { sum };")]
    [InlineData("var pool = System.Buffers.ArrayPool<double>.Shared.Rent(16); var sb = new System.Text.StringBuilder();")]
    [InlineData("System.Diagnostics.Debug.Assert(_buffer.Length > 0); int counter = 0; Interlocked.Increment(ref counter);")]
    public void What_real_optimisation_needs_is_allowed(string body)
    {
        Assert.Empty(Check(InMethod(body)));
    }
}
