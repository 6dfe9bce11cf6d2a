using System.Diagnostics;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>Runs the real rsisim command in a child process with a chosen environment.</summary>
internal static class RsisimProcess
{
    // rsisim runs from its own build folder: in this folder (an ASP.NET Core app, for the test server) the shared
    // framework stands in for some of rsisim's packages, so a copy of rsisim here would miss them.
    private static readonly string Cli = FindCli();

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] args)
    {
        string host = Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
        var start = new ProcessStartInfo(host, [Cli, .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("rsisim did not start");
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"rsisim {string.Join(' ', args)} ran past {timeout}: {await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindCli()
    {
        // .../tests/RsiSim.Agents.Llm.Tests/bin/<configuration>/<framework>/ → .../src/RsiSim.Cli/bin/<configuration>/<framework>/rsisim.dll
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name;
        string configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "RsiSim.sln")))
        {
            root = root.Parent;
        }
        string cli = Path.Combine(root?.FullName ?? throw new InvalidOperationException("RsiSim.sln not found above " + here), "src", "RsiSim.Cli", "bin", configuration, framework, "rsisim.dll");
        return File.Exists(cli) ? cli : throw new InvalidOperationException($"{cli} is missing: build src/RsiSim.Cli first");
    }
}
