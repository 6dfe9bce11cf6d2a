namespace RsiSim.Scenarios.Reading;

/// <summary>
/// Finds the first flow '[' or '{' that is never closed, for the syntax error YamlDotNet reports with no
/// position. A heuristic for a message, not a parser: quotes and comments are skipped, and a bracket counts
/// only where a flow collection may start (after ':', '-', ',', another bracket, or at the start of a line).
/// </summary>
internal static class UnclosedBracketFinder
{
    public static (int Line, int Column, char Bracket)? Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var open = new Stack<(int Line, int Column, char Bracket)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var previous = ' ';
            var startOfLine = true;
            for (var j = 0; j < line.Length; j++)
            {
                var c = line[j];
                if (c is '"' or '\'')
                {
                    var end = line.IndexOf(c, j + 1);
                    j = end < 0 ? line.Length : end;
                }
                else if (c == '#' && (j == 0 || char.IsWhiteSpace(line[j - 1])))
                {
                    break;
                }
                else if (c is '[' or '{' && (startOfLine || previous is ':' or '-' or ',' or '[' or '{'))
                {
                    open.Push((i + 1, j + 1, c));
                }
                else if (c is ']' or '}' && open.Count > 0)
                {
                    open.Pop();
                }
                if (!char.IsWhiteSpace(c))
                {
                    previous = c;
                    startOfLine = false;
                }
            }
        }
        return open.Count == 0 ? null : open.Last();
    }
}
