using System.Collections.Immutable;

namespace RsiSim.Evaluation.Policy;

/// <summary>One rule of the candidate policy: the APIs it forbids, by qualified name, and the exceptions inside them.</summary>
/// <param name="Id">"RSP001" and so on; shown to agents with every violation.</param>
/// <param name="Title">What is forbidden, as a phrase: "files and directories".</param>
/// <param name="Banned">Qualified names: a namespace, type or member forbids itself and everything inside it; a name ending in "." forbids only what is inside.</param>
/// <param name="Allowed">Qualified names inside <paramref name="Banned"/> that stay allowed, matched the same way.</param>
public sealed record PolicyRule(string Id, string Title, ImmutableArray<string> Banned, ImmutableArray<string> Allowed)
{
    /// <summary>Whether this rule forbids the API with the given qualified name ("System.IO.File.ReadAllText").</summary>
    public bool Forbids(string qualifiedName) =>
        Banned.Any(b => Covers(b, qualifiedName)) && !Allowed.Any(a => Covers(a, qualifiedName));

    /// <summary>True when <paramref name="name"/> is <paramref name="scope"/> or lies inside it.</summary>
    public static bool Covers(string scope, string name)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(name);
        if (scope.EndsWith('.'))
        {
            return name.StartsWith(scope, StringComparison.Ordinal);
        }
        return name.StartsWith(scope, StringComparison.Ordinal) && (name.Length == scope.Length || name[scope.Length] == '.');
    }
}
