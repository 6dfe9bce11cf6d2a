using System.Net;
using System.Text.RegularExpressions;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>Reads the few things the tests need out of the DOM Chromium dumped: table cells, figures and their SVG text.</summary>
internal static class Dom
{
    /// <summary>The text of the cell with class <paramref name="cssClass"/> in the row of table <paramref name="table"/> whose attribute matches.</summary>
    public static string Cell(string dom, string table, string rowAttribute, string cssClass)
    {
        var tableMatch = Regex.Match(dom, $"<table id=\"{table}\">(.*?)</table>", RegexOptions.Singleline);
        Assert.True(tableMatch.Success, $"no table #{table}");
        var row = Regex.Match(tableMatch.Groups[1].Value, $"<tr {Regex.Escape(rowAttribute)}>(.*?)</tr>", RegexOptions.Singleline);
        Assert.True(row.Success, $"no row [{rowAttribute}] in #{table}");
        var cell = Regex.Match(row.Groups[1].Value, $"<td class=\"(?:[^\"]* )?{Regex.Escape(cssClass)}(?: [^\"]*)?\">(.*?)</td>", RegexOptions.Singleline);
        Assert.True(cell.Success, $"no cell .{cssClass} in [{rowAttribute}] of #{table}");
        return WebUtility.HtmlDecode(cell.Groups[1].Value);
    }

    /// <summary>Every &lt;text&gt; of the SVG inside the figure with this id, trimmed.</summary>
    public static List<string> SvgTexts(string dom, string figureId)
    {
        var figure = Regex.Match(dom, $"<figure id=\"{figureId}\"[^>]*>(.*?)</figure>", RegexOptions.Singleline);
        Assert.True(figure.Success, $"no figure #{figureId}");
        Assert.Contains("<svg", figure.Groups[1].Value, StringComparison.Ordinal);
        return [.. Regex.Matches(figure.Groups[1].Value, "<text[^>]*>(.*?)</text>", RegexOptions.Singleline).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value).Trim())];
    }
}
