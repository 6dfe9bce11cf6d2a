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
        string source = reference;
        foreach (var move in library.Order(moveIds))
        {
            source = byId[move.Id].Apply(source);
        }
        return source;
    }
}
