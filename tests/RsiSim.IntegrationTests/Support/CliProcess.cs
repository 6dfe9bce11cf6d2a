namespace RsiSim.IntegrationTests.Support;

/// <summary>Runs the real rsisim command (the built rsisim.dll) as a child process and captures what it prints.</summary>
internal static class CliProcess
{
    public static string CliPath { get; } = Path.Combine(AppContext.BaseDirectory, "rsisim.dll");

    public static Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string>(), args);

    /// <summary>Runs rsisim with <paramref name="environment"/> added to this process's environment.</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = RunningCli.Start(workingDirectory, environment, args);
        return await process.WaitAsync(timeout);
    }

    public static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";
}
