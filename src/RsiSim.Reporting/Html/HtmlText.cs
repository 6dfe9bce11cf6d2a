using System.Net;
using System.Text;

namespace RsiSim.Reporting.Html;

/// <summary>Small helpers that write escaped HTML into a <see cref="StringBuilder"/>.</summary>
internal static class HtmlText
{
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    /// <summary>&lt;tag class="…"&gt;escaped text&lt;/tag&gt;.</summary>
    public static StringBuilder Element(this StringBuilder html, string tag, string text, string? cssClass = null) =>
        html.Append('<').Append(tag).Append(cssClass is null ? "" : $" class=\"{Encode(cssClass)}\"").Append('>')
            .Append(Encode(text)).Append("</").Append(tag).Append(">\n");

    /// <summary>A table: one header row, then rows whose cells carry their column's class, each row's attributes given by the caller.</summary>
    public static void Table(this StringBuilder html, string id, IReadOnlyList<(string Header, string Class)> columns, IEnumerable<(string Attributes, IReadOnlyList<string> Cells)> rows)
    {
        html.Append($"<table id=\"{id}\">\n<thead><tr>");
        foreach (var (header, cssClass) in columns)
        {
            html.Append($"<th class=\"{cssClass}\">{Encode(header)}</th>");
        }
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var (attributes, cells) in rows)
        {
            html.Append("<tr").Append(attributes).Append('>');
            for (int i = 0; i < cells.Count; i++)
            {
                html.Append($"<td class=\"{columns[i].Class}\">{Encode(cells[i])}</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody></table>\n");
    }

    /// <summary>An attribute with its value escaped, with a leading space: data-arm="greedy".</summary>
    public static string Attribute(string name, string value) => $" {name}=\"{Encode(value)}\"";
}
