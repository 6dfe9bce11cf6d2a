using System.Text.Encodings.Web;
using System.Text.Json;

namespace RsiSim.Cli.Rendering;

/// <summary>How every <c>--json</c> output is written: indented, and with text as written (a '+', '±' or '&lt;' in a
/// description or detail stays itself instead of becoming a \u escape; the output goes to a terminal or a file, never into HTML).</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
