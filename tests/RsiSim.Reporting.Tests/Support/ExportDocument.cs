using System.Text.RegularExpressions;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>The columns docs/export-format.md lists under a "## table" heading, in order.</summary>
internal static partial class ExportDocument
{
    public static List<string> Columns(string table)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "docs", "export-format.md");
        var columns = new List<string>();
        bool inTable = false;
        foreach (string line in File.ReadLines(path))
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                inTable = line == "## " + table;
            }
            else if (inTable && ColumnRow().Match(line) is { Success: true } match)
            {
                columns.Add(match.Groups[1].Value);
            }
        }
        return columns;
    }

    [GeneratedRegex(@"^\| `([a-z0-9_]+)` \|")]
    private static partial Regex ColumnRow();
}
