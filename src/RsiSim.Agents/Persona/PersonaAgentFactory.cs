using System.Collections.Immutable;
using System.Globalization;
using RsiSim.Core.Agents;
using RsiSim.Core.Options;

namespace RsiSim.Agents.Persona;

/// <summary>Makes persona agents from a profile, with optional overrides of every parameter for what-if arms.</summary>
public sealed class PersonaAgentFactory : IAgentFactory
{
    public AgentDescriptor Descriptor { get; } = new(
        "persona",
        "a simulated agent with a profile's skill, bug rate, pace and price, walking the task's real measured moves",
        [
            new OptionSpec("profile", OptionType.Choice, "the built-in profile: a model of the published table or the human expert") { Required = true, Choices = [.. PersonaProfiles.Names] },
            new OptionSpec("capability", OptionType.Number, "override the profile's capability (every derived parameter follows)") { Minimum = 0, Maximum = 6 },
            new OptionSpec("skill", OptionType.NumberMap, "override insight per tier, e.g. { 1: 0.9, 2: 0.5, 3: 0.1, 4: 0 }") { Minimum = 0, Maximum = 1, Choices = ["1", "2", "3", "4"] },
            new OptionSpec("knows", OptionType.WholeNumber, "the hardest tier of moves it knows at all (1-4)") { Minimum = 1, Maximum = 4 },
            new OptionSpec("bugRate", OptionType.Number, "override the chance that an attempt carries a bug") { Minimum = 0, Maximum = 1 },
            new OptionSpec("revertRate", OptionType.Number, "override the chance it goes back to its best after a failure") { Minimum = 0, Maximum = 1 },
            new OptionSpec("minutesPerAttempt", OptionType.Number, "override the simulated minutes one attempt takes") { Minimum = 0.01, Maximum = 10_000 },
        ]);

    public IAgent Create(AgentCreation creation)
    {
        ArgumentNullException.ThrowIfNull(creation);
        return new PersonaAgent(Settings(creation.Arm.Options));
    }

    /// <summary>The effective parameters of an arm's options.</summary>
    public static PersonaSettings Settings(OptionValues options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var profile = PersonaProfiles.Find(options.Text("profile") ?? "") ?? throw new ArgumentException($"unknown persona profile '{options.Text("profile")}'");
        if (options.Has("capability"))
        {
            profile = profile with { Capability = options.Number("capability") };
        }
        var settings = PersonaSettings.From(profile);
        if (options.Has("skill"))
        {
            var skill = settings.Skill.ToDictionary();
            foreach (var (tier, value) in options.NumberMap("skill"))
            {
                skill[int.Parse(tier, CultureInfo.InvariantCulture)] = value;
            }
            settings = settings with { Skill = skill.ToImmutableDictionary() };
        }
        return settings with
        {
            KnownTier = options.Has("knows") ? options.WholeNumber("knows") : settings.KnownTier,
            BugRate = options.Has("bugRate") ? options.Number("bugRate") : settings.BugRate,
            RevertRate = options.Has("revertRate") ? options.Number("revertRate") : settings.RevertRate,
            MinutesPerAttempt = options.Has("minutesPerAttempt") ? options.Number("minutesPerAttempt") : settings.MinutesPerAttempt,
        };
    }
}
