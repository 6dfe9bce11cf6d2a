using System.Globalization;
using System.Text;

namespace RsiSim.Reporting.Export;

/// <summary>Writes a table as RFC 4180 CSV: a header row, invariant numbers that round-trip, empty cells for missing values.</summary>
internal static class CsvTableWriter
{
    public static void Write<TRow>(string path, IReadOnlyList<ExportColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(c => c.Name)).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', columns.Select(c => Cell(c.Value(row)))).Append("\r\n");
        }
        File.WriteAllText(path, csv.ToString(), new UTF8Encoding(false));
    }

    public static string Cell(object? value)
    {
        string text = value switch
        {
            null => "",
            double d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "",
            bool b => b ? "true" : "false",
            DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        bool quote = text.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        return quote ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
