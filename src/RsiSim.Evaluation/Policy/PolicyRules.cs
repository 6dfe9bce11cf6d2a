using System.Collections.Immutable;

namespace RsiSim.Evaluation.Policy;

/// <summary>The rules of the candidate policy, most specific first: a use is reported under the first rule that forbids it.</summary>
/// <remarks>
/// Behind the named rules stands an allow-list of namespaces (<see cref="AllowedNamespaces"/>): whatever the
/// framework offers outside them (XML, data, security, ...) is refused as <see cref="OutsideAllowedNamespaces"/>.
/// The syntax-level rules (extern methods, function pointers, dynamic) live in <see cref="CandidatePolicy"/>.
/// </remarks>
public static class PolicyRules
{
    public static PolicyRule Files { get; } = Rule("RSP001", "files and directories",
        ["System.IO"],
        ["System.IO.Stream", "System.IO.MemoryStream", "System.IO.TextWriter", "System.IO.TextReader", "System.IO.StringWriter",
         "System.IO.StringReader", "System.IO.BinaryReader", "System.IO.BinaryWriter", "System.IO.SeekOrigin", "System.IO.EndOfStreamException"]);

    public static PolicyRule Network { get; } = Rule("RSP002", "networking", ["System.Net"]);

    public static PolicyRule Processes { get; } = Rule("RSP003", "processes",
        ["System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.Diagnostics.ProcessThread",
         "System.Diagnostics.ProcessModule", "System.Diagnostics.ProcessPriorityClass"]);

    public static PolicyRule DynamicCode { get; } = Rule("RSP005", "dynamic code and assembly loading",
        ["System.Reflection.Emit", "System.Reflection.Assembly", "System.Runtime.Loader", "System.AppDomain", "System.Linq.Expressions",
         "System.Reflection.Metadata", "System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod"]);

    public static PolicyRule Reflection { get; } = Rule("RSP004", "reflection",
        ["System.Reflection", "System.Type.", "System.Activator", "System.Delegate.Method", "System.Delegate.DynamicInvoke", "System.Delegate.CreateDelegate",
         "System.Delegate.Target", "System.RuntimeTypeHandle", "System.RuntimeMethodHandle", "System.RuntimeFieldHandle", "System.TypedReference",
         "System.ModuleHandle", "System.Runtime.CompilerServices.UnsafeAccessorAttribute", "System.Runtime.CompilerServices.UnsafeAccessorTypeAttribute",
         "System.Runtime.CompilerServices.UnsafeAccessorKind"],
        ["System.Type.op_Equality", "System.Type.op_Inequality"]);

    public static PolicyRule NativeInterop { get; } = Rule("RSP006", "native interop",
        ["System.Runtime.InteropServices.DllImportAttribute", "System.Runtime.InteropServices.LibraryImportAttribute",
         "System.Runtime.InteropServices.NativeLibrary", "System.Runtime.InteropServices.DllImportSearchPath",
         "System.Runtime.InteropServices.DefaultDllImportSearchPathsAttribute", "System.Runtime.InteropServices.UnmanagedCallersOnlyAttribute",
         "System.Runtime.InteropServices.UnmanagedFunctionPointerAttribute", "System.Runtime.InteropServices.SuppressGCTransitionAttribute",
         "System.Runtime.InteropServices.Marshal.GetDelegateForFunctionPointer", "System.Runtime.InteropServices.Marshal.GetFunctionPointerForDelegate",
         "System.Runtime.InteropServices.Marshal.Prelink", "System.Runtime.InteropServices.Marshal.PrelinkAll",
         "System.Runtime.InteropServices.ComImportAttribute", "System.Runtime.InteropServices.Marshalling",
         "System.Runtime.InteropServices.RuntimeEnvironment"]);

    public static PolicyRule Environment { get; } = Rule("RSP007", "the process environment",
        ["System.Environment", "System.AppContext"]);

    /// <remarks>Thread names belong to the runtime: the worker tells its JIT and GC threads from the program's by name.</remarks>
    public static PolicyRule RuntimeSettings { get; } = Rule("RSP008", "GC and runtime settings (and thread names)",
        ["System.GC", "System.Runtime.GCSettings", "System.Runtime.GCLargeObjectHeapCompactionMode", "System.Runtime.GCLatencyMode",
         "System.Runtime.ProfileOptimization", "System.Runtime.MemoryFailPoint", "System.Runtime.ControlledExecution",
         "System.Runtime.CompilerServices.RuntimeHelpers.", "System.Threading.ThreadPool.SetMinThreads", "System.Threading.ThreadPool.SetMaxThreads",
         "System.Threading.Thread.Priority", "System.Threading.ThreadPriority", "System.Threading.Thread.BeginThreadAffinity",
         "System.Threading.Thread.Name"],
        ["System.Runtime.CompilerServices.RuntimeHelpers.IsReferenceOrContainsReferences"]);

    public static PolicyRule ConsoleStreams { get; } = Rule("RSP009", "console input and raw console streams",
        ["System.Console.In", "System.Console.Read", "System.Console.ReadLine", "System.Console.ReadKey", "System.Console.KeyAvailable",
         "System.Console.OpenStandardInput", "System.Console.OpenStandardOutput", "System.Console.OpenStandardError",
         "System.Console.SetIn", "System.Console.SetOut", "System.Console.SetError", "System.Console.InputEncoding", "System.Console.OutputEncoding"]);

    // A wait registered on the pool runs its callback on a pool thread when it times out, which may be long after the run
    // returned; until then no thread, timer or pool work shows it, so the settle cannot see it (tests/adversarial/registered-wait.cs).
    public static PolicyRule UntimedCode { get; } = Rule("RSP010", "code that runs outside the timed calls (module initializers, timers, registered waits)",
        ["System.Runtime.CompilerServices.ModuleInitializerAttribute", "System.Threading.Timer", "System.Threading.PeriodicTimer",
         "System.Threading.TimerCallback", "System.Timers", "System.Threading.ThreadPool.RegisterWaitForSingleObject",
         "System.Threading.ThreadPool.UnsafeRegisterWaitForSingleObject", "System.Threading.RegisteredWaitHandle"]);

    public static PolicyRule ClocksAndDiagnostics { get; } = Rule("RSP011", "clocks, the call stack and diagnostics (the host times and checks every run)",
        ["System.Diagnostics"],
        ["System.Diagnostics.Debug", "System.Diagnostics.CodeAnalysis", "System.Diagnostics.ConditionalAttribute", "System.Diagnostics.UnreachableException",
         "System.Diagnostics.DebuggerDisplayAttribute", "System.Diagnostics.DebuggerStepThroughAttribute", "System.Diagnostics.DebuggerHiddenAttribute",
         "System.Diagnostics.DebuggerBrowsableAttribute", "System.Diagnostics.DebuggerBrowsableState", "System.Diagnostics.StackTraceHiddenAttribute"]);

    /// <summary>Reported for APIs outside <see cref="AllowedNamespaces"/>.</summary>
    public static PolicyRule OutsideAllowedNamespaces { get; } = Rule("RSP012", "APIs outside the namespaces a candidate may use", []);

    /// <summary>Reported for extern methods, function pointers and <c>dynamic</c>, which are syntax rather than APIs.</summary>
    public static PolicyRule UnsafeConstructs { get; } = Rule("RSP013", "extern methods, function pointers and dynamic", []);

    /// <summary>Every rule in the order a use is matched against them.</summary>
    public static ImmutableArray<PolicyRule> All { get; } =
        [Files, Network, Processes, DynamicCode, Reflection, NativeInterop, Environment, RuntimeSettings, ConsoleStreams, UntimedCode, ClocksAndDiagnostics];

    /// <summary>Namespaces whose types a candidate may use, besides its own types; a trailing ".*" takes in nested namespaces.</summary>
    public static ImmutableArray<string> AllowedNamespaces { get; } =
    [
        "System", "System.Collections.*", "System.Linq.*", "System.Numerics.*", "System.Runtime.Intrinsics.*", "System.Runtime.CompilerServices",
        "System.Runtime.InteropServices", "System.Threading.*", "System.Buffers.*", "System.Text", "System.Globalization", "System.Diagnostics",
        "System.Diagnostics.CodeAnalysis", "System.IO", "RsiSim.Contracts.*",
    ];

    /// <summary>Whether types of <paramref name="ns"/> ("" for the global namespace) may be used at all.</summary>
    public static bool IsAllowedNamespace(string ns) =>
        ns.Length == 0 || AllowedNamespaces.Any(a => a.EndsWith(".*", StringComparison.Ordinal) ? PolicyRule.Covers(a[..^2], ns) : a == ns);

    private static PolicyRule Rule(string id, string title, string[] banned, string[]? allowed = null) => new(id, title, [.. banned], [.. allowed ?? []]);
}
