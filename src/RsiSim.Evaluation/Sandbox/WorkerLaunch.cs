using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace RsiSim.Evaluation.Sandbox;

/// <summary>How a worker process is started: `dotnet RsiSim.Worker.dll` under prlimit, in its own folder, with a scrubbed environment.</summary>
internal static class WorkerLaunch
{
    /// <summary>The only host variables a worker inherits; everything else (API keys included) stays behind.</summary>
    public static readonly IReadOnlyList<string> InheritedVariables = ["PATH", "LANG", "DOTNET_ROOT"];

    private static readonly Lazy<string?> Prlimit = new(() => FindOnPath("prlimit"));

    /// <param name="warm">Started as a spare: the worker goes through its own paths once before its hello.</param>
    public static ProcessStartInfo StartInfo(SandboxOptions options, string folder, bool warm = false)
    {
        ArgumentNullException.ThrowIfNull(options);
        string worker = options.WorkerPath ?? DefaultWorker();
        if (!File.Exists(worker))
        {
            throw new FileNotFoundException("the sandbox worker is missing; build RsiSim.Evaluation, which copies it next to itself", worker);
        }
        var start = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = folder,
            StandardOutputEncoding = new System.Text.UTF8Encoding(false),
            StandardInputEncoding = new System.Text.UTF8Encoding(false),
        };
        long addressSpace = options.EffectiveAddressSpaceBytes;
        if (addressSpace > 0 && Prlimit.Value is { } prlimit)
        {
            start.FileName = prlimit;
            start.ArgumentList.Add(string.Create(CultureInfo.InvariantCulture, $"--as={addressSpace}"));
            start.ArgumentList.Add("--core=0"); // a crashing candidate leaves no core file behind
            start.ArgumentList.Add(options.DotnetPath ?? DotnetHost());
        }
        else
        {
            start.FileName = options.DotnetPath ?? DotnetHost();
        }
        start.ArgumentList.Add(worker);
        if (warm)
        {
            start.ArgumentList.Add("warm");
        }
        Scrub(start, options, folder);
        return start;
    }

    /// <summary>The worker the build put beside the host: the precompiled one in worker/ where the build made it (linux-x64),
    /// else the IL one beside the host's own assemblies.</summary>
    public static string DefaultWorker()
    {
        string precompiled = Path.Combine(AppContext.BaseDirectory, "worker", "RsiSim.Worker.dll");
        return File.Exists(precompiled) ? precompiled : Path.Combine(AppContext.BaseDirectory, "RsiSim.Worker.dll");
    }

    /// <summary>Whether workers get an address-space limit on this machine (prlimit found).</summary>
    public static bool HasAddressSpaceLimit => Prlimit.Value is not null;

    private static void Scrub(ProcessStartInfo start, SandboxOptions options, string folder)
    {
        start.Environment.Clear();
        foreach (string name in InheritedVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                start.Environment[name] = value;
            }
        }
        start.Environment["HOME"] = folder;
        start.Environment["TMPDIR"] = folder;
        // Every method is compiled fully optimised at its first call, on both sides: with tiered compilation a run of
        // `small` was still tiering up after the warm-up, and the same candidate measured 4.6x to 7.1x (CV 20%; 12-14%
        // without tiering, side by side: docs/evaluation.md).
        start.Environment["DOTNET_TieredCompilation"] = "0";
        // No diagnostics server, debugger pipe or dump channel: nothing of the runtime listens beside the program, its folder
        // holds only what the host and the worker write, and three runtime threads fewer are counted at every settle.
        start.Environment["DOTNET_EnableDiagnostics"] = "0";
        start.Environment["DOTNET_GCHeapHardLimit"] = options.MemoryCapBytes.ToString("X", CultureInfo.InvariantCulture);
    }

    // The dotnet executable that runs this process: <root>/shared/Microsoft.NETCore.App/<version>/ → <root>/dotnet.
    private static string DotnetHost()
    {
        string name = RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), name, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }
        string beside = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..", name));
        return File.Exists(beside) ? beside : FindOnPath("dotnet") ?? "dotnet";
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
