using RsiSim.Scenarios.Tests.Fakes;

namespace RsiSim.Scenarios.Tests;

public sealed class BadInputCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "inputs");

    public static TheoryData<string> Cases() =>
        new(Directory.EnumerateFiles(Folder, "*.expect").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_scenario_is_refused_with_its_path_line_and_message(string name)
    {
        var expected = CorpusExpectation.Read(Path.Combine(Folder, name + ".expect"));

        var result = TestCatalogs.Loader.LoadFile(Path.Combine(Folder, name + ".yaml"));

        Assert.Null(result.Scenario);
        var found = result.Errors.Any(e => e.Path == expected.Path && e.Line == expected.Line && e.Message.Contains(expected.Message, StringComparison.Ordinal));
        Assert.True(found, $"expected {expected}, got:\n{string.Join("\n", result.FormatMessages())}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_error_past_the_file_checks_names_a_line(string name)
    {
        var result = TestCatalogs.Loader.LoadFile(Path.Combine(Folder, name + ".yaml"));

        Assert.All(result.Errors.Where(e => e.Path != ScenarioError.FilePath), e => Assert.True(e.Line > 0 && e.Column > 0, e.ToString()));
    }

    [Fact]
    public void The_corpus_holds_at_least_thirty_cases_and_every_file_has_its_expectation()
    {
        var inputs = Directory.EnumerateFiles(Folder, "*.yaml").Select(f => Path.GetFileNameWithoutExtension(f));

        Assert.True(Cases().Count >= 30);
        Assert.All(inputs, name => Assert.True(File.Exists(Path.Combine(Folder, name + ".expect")), $"{name}.yaml has no .expect"));
    }
}
