using RsiSim.Core.Moves;

namespace RsiSim.Tasks.Moves;

/// <summary>Shorthands that keep each move's file about its rewrite, not about record syntax.</summary>
internal static class MoveFactory
{
    public static MoveDefinition Correct(string id, string title, int tier, string layer, string rationale, string patch, string[]? requires = null, string[]? conflicts = null) =>
        new(new Move(id, title, rationale, MoveKind.Correct, tier, layer, [.. requires ?? []], [.. conflicts ?? []]), patch);

    public static MoveDefinition Wrong(string id, string title, int tier, string layer, string rationale, string failsCheck, string patch, string[]? requires = null, string[]? conflicts = null) =>
        new(new Move(id, title, rationale, MoveKind.Wrong, tier, layer, [.. requires ?? []], [.. conflicts ?? []], failsCheck), patch);
}
