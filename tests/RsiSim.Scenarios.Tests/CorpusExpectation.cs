namespace RsiSim.Scenarios.Tests;

/// <summary>What a bad-input corpus case must be refused with: "path:", "line:" and "message:" lines.</summary>
public sealed record CorpusExpectation(string Path, int Line, string Message)
{
    public static CorpusExpectation Read(string file)
    {
        var fields = File.ReadAllLines(file)
            .Where(l => l.Contains(':', StringComparison.Ordinal))
            .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)].Trim(), l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
        return new CorpusExpectation(fields["path"], int.Parse(fields["line"], System.Globalization.CultureInfo.InvariantCulture), fields["message"]);
    }
}
