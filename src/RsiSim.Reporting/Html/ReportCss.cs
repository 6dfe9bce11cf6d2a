namespace RsiSim.Reporting.Html;

/// <summary>The report's only stylesheet, inline, so the page opens offline and looks the same everywhere.</summary>
internal static class ReportCss
{
    public const string Text = """
        body { font-family: "DejaVu Sans", system-ui, sans-serif; margin: 2rem auto; max-width: 1200px; padding: 0 1rem; color: #222; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; }
        .meta { color: #666; font-size: .9rem; }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .92rem; }
        th, td { border: 1px solid #ddd; padding: .3rem .6rem; text-align: right; vertical-align: top; }
        th { background: #f4f4f4; } td:first-child, th:first-child { text-align: left; }
        td.text, th.text { text-align: left; }
        .warnings { background: #fff6db; border: 1px solid #e6b800; padding: .6rem 1rem; border-radius: 4px; }
        .nothing-valid { background: #fde8e8; border: 1px solid #d62728; padding: .6rem 1rem; border-radius: 4px; }
        .headline { font-size: 1.05rem; }
        figure { margin: 1.2rem 0; } figure svg { width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #555; font-size: .9rem; }
        details { margin: .3rem 0 .3rem 1rem; } summary { cursor: pointer; }
        pre { background: #fafafa; border: 1px solid #eee; padding: .5rem; overflow-x: auto; font-size: .8rem; }
        pre.diff .add { color: #1a7f37; background: #e6ffec; display: block; } pre.diff .del { color: #cf222e; background: #ffebe9; display: block; }
        pre.diff .hunk { color: #0550ae; display: block; }
        """;
}
