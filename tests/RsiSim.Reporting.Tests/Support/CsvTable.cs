namespace RsiSim.Reporting.Tests.Support;

/// <summary>A CSV file read back: its header and rows, with cells looked up by column name.</summary>
internal sealed record CsvTable(List<string> Header, List<List<string>> Rows)
{
    public static CsvTable Read(string path)
    {
        var rows = CsvText.Parse(File.ReadAllText(path));
        return new CsvTable(rows[0], [.. rows.Skip(1)]);
    }

    public string Cell(List<string> row, string column)
    {
        int index = Header.IndexOf(column);
        Assert.True(index >= 0, $"no column {column}");
        return row[index];
    }

    /// <summary>One column of every row, in file order.</summary>
    public IEnumerable<string> Column(string column) => Rows.Select(r => Cell(r, column));
}
