namespace RsiSim.Agents.Persona;

/// <summary>The fixed formulas that turn a capability figure into behaviour (see docs/personas.md).</summary>
/// <param name="Capability">Roughly: the hardest tier of moves the persona handles reliably.</param>
public sealed record PersonaBehaviour(double Capability)
{
    /// <summary>How readily a move of tier <paramref name="tier"/> (1 obvious ... 4 expert) occurs to it: a logistic in capability minus tier.</summary>
    public double Insight(int tier) => 1 / (1 + Math.Exp(-2.5 * (Capability - tier + 0.5)));

    /// <summary>The chance that an attempt carries a bug: a wrong move slipped in beside the intended one.</summary>
    public double BugRate => 0.45 * Math.Exp(-0.55 * Capability);

    /// <summary>The chance that, after a failed attempt, it goes back to its best candidate instead of building on the failure.</summary>
    public double RevertRate => 1 - 0.75 * Math.Exp(-0.8 * Capability);

    /// <summary>How many of its latest attempts it remembers and does not repeat.</summary>
    public int Memory => (int)Math.Round(3 + 4 * Capability);
}
