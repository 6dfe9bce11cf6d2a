using RsiSim.IntegrationTests.Support;
using RsiSim.Scenarios.Tests;

namespace RsiSim.IntegrationTests.Reliability;

/// <summary>Every malformed scenario of tests/inputs/, given to the real rsisim run: refused before anything runs.</summary>
public sealed class BadInputCorpusCliTests
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "inputs");

    [Fact]
    public async Task Rsisim_run_refuses_every_corpus_file_with_exit_code_1_its_path_and_line_on_stderr_and_no_run_folder()
    {
        using var folder = new TempFolder();
        var cases = Directory.EnumerateFiles(Corpus, "*.expect").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        // Two processes at a time: each is a real rsisim start-up, and the machine's cores are shared.
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = TestContext.Current.CancellationToken }, async (name, _) =>
        {
            var expected = CorpusExpectation.Read(Path.Combine(Corpus, name + ".expect"));
            string file = Path.Combine(Corpus, name + ".yaml");
            string output = Path.Combine(folder.Path, name!);

            var result = await CliProcess.RunAsync(folder.Path, TimeSpan.FromMinutes(2), "run", file, "--out", output);

            if (Problem(result, file, expected, output) is { } problem)
            {
                failures.Add($"{name}: {problem}\n{result}");
            }
        });

        Assert.True(cases.Count >= 30, $"only {cases.Count} corpus cases");
        Assert.True(failures.IsEmpty, string.Join("\n\n", failures.Order(StringComparer.Ordinal)));
    }

    // What is wrong with how rsisim refused the file, or null when it did as the .expect says.
    private static string? Problem(CliResult result, string file, CorpusExpectation expected, string output)
    {
        if (result.ExitCode != 1)
        {
            return $"exit code {result.ExitCode}, not 1";
        }
        if (Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any())
        {
            return $"{output} was made and is not empty";
        }
        // Messages read "<file>:<line>:<column>: <yaml path>: <message>"; a file-level problem has no line, and
        // "(file)" and "(yaml)" are not printed.
        string location = expected.Line > 0 ? $"{file}:{expected.Line}:" : $"{file}: ";
        string path = expected.Path.StartsWith('(') ? "" : $" {expected.Path}: ";
        bool found = result.Stderr.Split('\n').Any(line =>
            line.StartsWith(location, StringComparison.Ordinal) && line.Contains(path, StringComparison.Ordinal) && line.Contains(expected.Message, StringComparison.Ordinal));
        return found ? null : $"no stderr line starts with '{location}' and holds '{path}' and '{expected.Message}'";
    }
}
