using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace RsiSim.Scenarios.Reading;

/// <summary>
/// A pass over the YAML events before the representation model is built: reports a syntax error where the
/// parser found it, every duplicate key with its path (the model stops at the first, with no path), and
/// refuses nesting deep enough to exhaust the stack of the model's recursive loader.
/// </summary>
internal static class YamlPreflight
{
    /// <summary>A scenario nests four levels at most (arms, an arm, an option, its entries).</summary>
    public const int MaxDepth = 32;

    /// <summary>True when the text may be handed to the representation model.</summary>
    public static bool Check(string text, ScenarioDiagnostics diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var frames = new Stack<YamlFrame>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var parser = new Parser(new StringReader(text));
        var clean = true;
        try
        {
            while (parser.MoveNext())
            {
                if (parser.Current is NodeEvent { Anchor.IsEmpty: false } anchored)
                {
                    anchors.Add(anchored.Anchor.Value);
                }
                switch (parser.Current)
                {
                    case DocumentStart:
                        frames.Clear();
                        anchors.Clear();
                        break;
                    case MappingStart mapping:
                        frames.Push(YamlFrame.Open(frames, mapping.Start, isMapping: true));
                        break;
                    case SequenceStart sequence:
                        frames.Push(YamlFrame.Open(frames, sequence.Start, isMapping: false));
                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        YamlFrame.Complete(frames);
                        break;
                    case Scalar scalar:
                        clean &= Leaf(frames, scalar, diagnostics);
                        break;
                    case AnchorAlias alias:
                        // The model would refuse it too, but at line 1 and with no path.
                        if (!anchors.Contains(alias.Value.Value))
                        {
                            diagnostics.Error(YamlFrame.NextPath(frames), alias.Start, $"alias '*{alias.Value.Value}' has no anchor '&{alias.Value.Value}' before it");
                            clean = false;
                        }
                        YamlFrame.Complete(frames);
                        break;
                }
                if (frames.Count > MaxDepth)
                {
                    diagnostics.Error(ScenarioError.YamlPath, frames.Peek().Start, $"nesting is deeper than {MaxDepth} levels; a scenario needs four at most");
                    return false;
                }
            }
        }
        catch (YamlException e)
        {
            SyntaxError(text, e, diagnostics);
            return false;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet 18's scanner throws this, with no position, on a flow collection left open across lines.
            if (UnclosedBracketFinder.Find(text) is var (line, column, bracket))
            {
                diagnostics.Error(ScenarioError.YamlPath, line, column, $"YAML syntax error: this '{bracket}' is never closed");
            }
            else
            {
                diagnostics.Error(ScenarioError.YamlPath, parser.Current?.End ?? Mark.Empty, "YAML syntax error: a bracket is never closed");
            }
            return false;
        }
        return clean;
    }

    private static bool Leaf(Stack<YamlFrame> frames, Scalar scalar, ScenarioDiagnostics diagnostics)
    {
        var clean = true;
        if (frames.TryPeek(out var top) && top.IsMapping && top.ExpectKey)
        {
            if (top.Keys.TryGetValue(scalar.Value, out var first))
            {
                diagnostics.Error(YamlPaths.Key(top.Path, scalar.Value), scalar.Start, $"duplicate key '{scalar.Value}' (first set on line {first.Line})");
                clean = false;
            }
            else
            {
                top.Keys[scalar.Value] = scalar.Start;
            }
            top.CurrentKey = scalar.Value;
        }
        YamlFrame.Complete(frames);
        return clean;
    }

    private static void SyntaxError(string text, YamlException e, ScenarioDiagnostics diagnostics)
    {
        if (e.Message.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(text) is var (line, column))
        {
            diagnostics.Error(ScenarioError.YamlPath, line, column, "YAML syntax error: a tab indents this line; YAML indents with spaces only");
            return;
        }
        var message = e.Message.TrimEnd('.');
        message = message.Length > 0 ? char.ToLowerInvariant(message[0]) + message[1..] : "the text is not valid YAML";
        diagnostics.Error(ScenarioError.YamlPath, e.Start, $"YAML syntax error: {message}");
    }

    private static (int Line, int Column)? FirstIndentingTab(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var indent = lines[i].Length - lines[i].TrimStart(' ', '\t').Length;
            var tab = lines[i].IndexOf('\t', StringComparison.Ordinal);
            if (tab >= 0 && tab < indent)
            {
                return (i + 1, tab + 1);
            }
        }
        return null;
    }
}
