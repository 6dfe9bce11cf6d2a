namespace RsiSim.Agents.Persona;

/// <summary>The fixed formulas that turn a capability figure into behaviour (see docs/personas.md).</summary>
/// <param name="Capability">Roughly: the hardest tier of moves the persona handles reliably.</param>
public sealed record PersonaBehaviour(double Capability)
{
    /// <summary>The chance that an attempt at a move of tier <paramref name="tier"/> (1 obvious ... 4 expert) comes off rather than floundering: a logistic in capability minus tier.</summary>
    public double Insight(int tier) => 1 / (1 + Math.Exp(-2.5 * (Capability - tier + 0.5)));

    /// <summary>The chance that an attempt carries a bug: a wrong move slipped in beside the intended one.</summary>
    public double BugRate => 0.45 * Math.Exp(-0.55 * Capability);

    /// <summary>The chance that, after a wrong result, it moves on from its best instead of trying its broken version again.</summary>
    public double RevertRate => 1 - 0.75 * Math.Exp(-0.8 * Capability);

    /// <summary>How many failed attempts at one idea it makes before it gives the idea up.</summary>
    public int Patience => 1 + (int)Math.Floor(Capability / 1.5);
}
