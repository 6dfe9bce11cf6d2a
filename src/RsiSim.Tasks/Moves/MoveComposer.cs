using RsiSim.Core.Moves;

namespace RsiSim.Tasks.Moves;

/// <summary>Builds a candidate from the reference and a set of moves, applying each move's patch in canonical order.</summary>
public static class MoveComposer
{
    public static string Compose(string reference, MoveLibrary library, IEnumerable<MoveDefinition> definitions, IReadOnlyCollection<string> moveIds)
    {
        ArgumentNullException.ThrowIfNull(library);
        ArgumentNullException.ThrowIfNull(definitions);
        var byId = definitions.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var moves = library.Order(moveIds);
        if (moves.Count == 0)
        {
            return reference;
        }
        var root = SourcePatch.Parse(reference, "reference");
        foreach (var move in moves)
        {
            root = SourcePatch.Apply(root, byId[move.Id].ParsedPatch);
        }
        return $"// Moves applied to the reference: {string.Join(", ", moves.Select(m => m.Id))}.\n" + root.ToFullString();
    }
}
