using System.Collections.Immutable;

namespace RsiSim.Core.Moves;

/// <summary>A named, real source rewrite of part of a task, used by offline agents.</summary>
/// <param name="Id">Kebab-case name, e.g. "embedding-lookup".</param>
/// <param name="Title">A few words.</param>
/// <param name="Rationale">What it changes and why it is faster, or why it is wrong.</param>
/// <param name="Kind">Correct or wrong.</param>
/// <param name="Tier">Difficulty, 1 (obvious) to 4 (expert); personas know moves up to a tier.</param>
/// <param name="Layer">The layer of the training program it works on (layout, memory, arithmetic, ...).</param>
/// <param name="Requires">Moves that must already be applied.</param>
/// <param name="Conflicts">Moves that cannot be applied together with this one.</param>
/// <param name="FailsCheck">For a wrong move: the check that must catch it.</param>
public sealed record Move(
    string Id,
    string Title,
    string Rationale,
    MoveKind Kind,
    int Tier,
    string Layer,
    ImmutableArray<string> Requires,
    ImmutableArray<string> Conflicts,
    string? FailsCheck = null);
