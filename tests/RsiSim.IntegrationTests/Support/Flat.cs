using System.Text.RegularExpressions;

namespace RsiSim.IntegrationTests.Support;

/// <summary>Output with every run of white space made one space: Spectre.Console wraps a redirected stderr at 80 columns.</summary>
internal static partial class Flat
{
    public static string Text(string output) => Spaces().Replace(output, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
