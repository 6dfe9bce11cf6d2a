namespace RsiSim.Scenarios.Reading;

/// <summary>A scenario file's decoded text, or why it could not be read as text.</summary>
internal sealed record FileText(string? Text, ScenarioError? Error)
{
    public static FileText Ok(string text) => new(text, null);

    public static FileText Refused(string message, int line = 0, int column = 0) =>
        new(null, new ScenarioError(ScenarioError.FilePath, line, column, message));
}
