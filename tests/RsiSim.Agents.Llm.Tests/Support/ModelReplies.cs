using RsiSim.Tasks.TinyLm;

namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>Replies a model could write: real tinylm candidates, composed from the task's moves, in the formats the agent reads.</summary>
internal static class ModelReplies
{
    /// <summary>Better and better candidates: each adds correct moves to the one before.</summary>
    public static IReadOnlyList<string[]> Improving { get; } =
    [
        ["embedding-lookup", "sparse-input-gradient"],
        ["embedding-lookup", "sparse-input-gradient", "reuse-activations", "flat-arrays"],
        ["embedding-lookup", "sparse-input-gradient", "reuse-activations", "flat-arrays", "float32"],
        ["embedding-lookup", "sparse-input-gradient", "reuse-activations", "flat-arrays", "float32", "simd-input-gradient", "fused-softmax-cross-entropy"],
        ["embedding-lookup", "sparse-input-gradient", "reuse-activations", "flat-arrays", "float32", "simd-input-gradient", "fused-softmax-cross-entropy", "no-transpose-copies", "flat-momentum-update"],
    ];

    public static string Source(params string[] moves) => TinyLmTask.Instance.Compose(moves);

    public static string WholeFile(string source, string words = "Replace the one-hot product by a lookup.") =>
        $"{words}\n\n```csharp\n{source.TrimEnd()}\n```\n";

    public static string SearchReplace(string search, string replace, string words = "A targeted edit.") =>
        $"{words}\n\n```\n<<<<<<< SEARCH\n{search}\n=======\n{replace}\n>>>>>>> REPLACE\n```\n";
}
