using System.Diagnostics;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>Debian's headless Chromium, started fresh for each call with its own profile folder and no network features.</summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(120);

    /// <summary>The browser, or a failed test saying how to install it: CI installs it, so a missing browser is a broken machine, not a reason to skip.</summary>
    public static string Path()
    {
        string[] candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", .. (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Select(d => System.IO.Path.Combine(d, "chromium"))];
        return candidates.FirstOrDefault(File.Exists)
            ?? throw new Xunit.Sdk.XunitException("Chromium is not installed, and the HTML report's tests need it: run 'apt-get install -y chromium' (.ci/run installs it in CI).");
    }

    /// <summary>The DOM after the page loaded, serialised.</summary>
    public static async Task<string> DumpDomAsync(string htmlFile, string scratch) => (await RunAsync(scratch, "--dump-dom", Url(htmlFile))).Stdout;

    /// <summary>Saves a screenshot of the page's first <paramref name="height"/> pixels at 1400 pixels wide.</summary>
    public static async Task ScreenshotAsync(string htmlFile, string png, string scratch, int height = 3000) =>
        await RunAsync(scratch, $"--screenshot={png}", $"--window-size=1400,{height}", "--hide-scrollbars", Url(htmlFile));

    private static string Url(string file) => new Uri(System.IO.Path.GetFullPath(file)).AbsoluteUri;

    private static async Task<(string Stdout, string Stderr)> RunAsync(string scratch, params string[] arguments)
    {
        string profile = System.IO.Path.Combine(scratch, "chromium-profile-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(profile);
        var start = new ProcessStartInfo(Path())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in (string[])[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", $"--user-data-dir={profile}", .. arguments])
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start chromium");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium {string.Join(' ', arguments)} did not finish within {Timeout}; stderr: {await stderr}");
        }
        Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}: {await stderr}");
        return (await stdout, await stderr);
    }
}
