namespace RsiSim.Scenarios.Tests;

public sealed class ScenarioErrorTests
{
    [Fact]
    public void An_error_reads_as_file_line_column_path_and_message()
    {
        var error = new ScenarioError("arms[2].agent", 7, 14, "unknown agent 'gredy' (did you mean 'greedy'?)");

        Assert.Equal("quickstart.yaml:7:14: arms[2].agent: unknown agent 'gredy' (did you mean 'greedy'?)", error.Format("quickstart.yaml"));
    }

    [Fact]
    public void A_file_error_with_no_line_reads_as_file_and_message()
    {
        var error = new ScenarioError(ScenarioError.FilePath, 0, 0, "no such file");

        Assert.Equal("missing.yaml: no such file", error.Format("missing.yaml"));
    }

    [Fact]
    public void A_syntax_error_keeps_its_position_but_not_its_placeholder_path()
    {
        var error = new ScenarioError(ScenarioError.YamlPath, 4, 1, "YAML syntax error: a tab indents this line; YAML indents with spaces only");

        Assert.Equal("s.yaml:4:1: YAML syntax error: a tab indents this line; YAML indents with spaces only", error.Format("s.yaml"));
    }
}
