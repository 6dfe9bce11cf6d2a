using RsiSim.Core.Agents;

namespace RsiSim.Agents.Persona;

/// <summary>A persona's effective parameters: its profile's, derived from capability, with any arm overrides applied.</summary>
public sealed record PersonaSettings(
    PersonaProfile Profile,
    IReadOnlyDictionary<int, double> Skill,
    int KnownTier,
    double BugRate,
    double RevertRate,
    int Patience,
    double MinutesPerAttempt)
{
    /// <summary>How readily a move of the tier occurs to it (0 beyond the tiers it knows).</summary>
    public double Insight(int tier) => tier > KnownTier ? 0 : Skill.GetValueOrDefault(tier);

    public AgentUsage Usage => new(Profile.InputTokens, Profile.OutputTokens, Profile.CostPerAttempt, MinutesPerAttempt);

    /// <summary>The parameters a profile's capability gives.</summary>
    public static PersonaSettings From(PersonaProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var behaviour = profile.Behaviour;
        return new PersonaSettings(
            profile,
            Enumerable.Range(1, 4).ToDictionary(t => t, behaviour.Insight),
            4,
            behaviour.BugRate,
            behaviour.RevertRate,
            behaviour.Patience,
            profile.MinutesPerAttempt);
    }
}
