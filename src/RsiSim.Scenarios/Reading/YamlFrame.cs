using YamlDotNet.Core;

namespace RsiSim.Scenarios.Reading;

/// <summary>One open mapping or sequence during the preflight pass, with the YAML path it sits at.</summary>
internal sealed class YamlFrame(string path, Mark start, bool isMapping)
{
    public string Path { get; } = path;

    public Mark Start { get; } = start;

    public bool IsMapping { get; } = isMapping;

    /// <summary>For a mapping: the next node is a key, not a value.</summary>
    public bool ExpectKey { get; set; } = true;

    public string CurrentKey { get; set; } = "?";

    /// <summary>For a sequence: the index of the next item.</summary>
    public int Index { get; set; }

    /// <summary>For a mapping: each scalar key seen so far and where.</summary>
    public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);

    /// <summary>A frame for a collection starting at the next slot of the innermost open one.</summary>
    public static YamlFrame Open(Stack<YamlFrame> frames, Mark start, bool isMapping) =>
        new(NextPath(frames), start, isMapping);

    /// <summary>The path of the node that fills the next slot of the innermost open collection.</summary>
    public static string NextPath(Stack<YamlFrame> frames) =>
        !frames.TryPeek(out var top) ? ""
        : !top.IsMapping ? YamlPaths.Index(top.Path, top.Index)
        : top.ExpectKey ? YamlPaths.Key(top.Path, "?")
        : YamlPaths.Key(top.Path, top.CurrentKey);

    /// <summary>Moves the innermost open collection past a finished node: from key to value, or to the next item.</summary>
    public static void Complete(Stack<YamlFrame> frames)
    {
        if (!frames.TryPeek(out var top))
        {
            return;
        }
        if (top.IsMapping)
        {
            if (top.ExpectKey)
            {
                top.ExpectKey = false;
            }
            else
            {
                top.ExpectKey = true;
                top.CurrentKey = "?";
            }
        }
        else
        {
            top.Index++;
        }
    }
}
