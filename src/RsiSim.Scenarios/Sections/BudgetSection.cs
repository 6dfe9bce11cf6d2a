using RsiSim.Core.Budgets;
using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads <c>budget: { attempts, wall, tokens, money, hours }</c>: at least one limit, each positive and sane.</summary>
internal static class BudgetSection
{
    private static readonly string[] Keys = ["attempts", "wall", "tokens", "money", "hours"];

    // Upper limits catch a slipped finger (an extra zero or three), not a real experiment.
    private static readonly Bounds<long> Attempts = new(1, 1_000_000);
    private static readonly Bounds<TimeSpan> Wall = new(TimeSpan.Zero, TimeSpan.FromDays(30), MinExclusive: true);
    private static readonly Bounds<long> Tokens = new(1, 1_000_000_000_000);
    private static readonly Bounds<decimal> Money = new(0m, 1_000_000m, MinExclusive: true);
    private static readonly Bounds<double> Hours = new(0, 100_000, MinExclusive: true);

    public static Budget? Read(YamlNode node, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var section = MappingSection.Open(node, "budget", "a mapping of limits such as { attempts: 40, wall: 5m }", context.Diagnostics, Keys);
        if (section is null)
        {
            return null;
        }
        if (!section.Entries.Any(e => Keys.Contains(e.Key, StringComparer.Ordinal)))
        {
            context.Diagnostics.Error("budget", node.Start, $"a budget needs at least one limit: {string.Join(", ", Keys)}");
            return null;
        }
        var numbers = context.Numbers;
        var errorsBefore = context.Diagnostics.ErrorCount;
        var budget = new Budget(
            Read(section, "attempts", (n, p) => (int?)numbers.WholeNumber(n, p, Attempts)),
            Read(section, "wall", (n, p) => numbers.Duration(n, p, Wall)),
            Read(section, "tokens", (n, p) => numbers.WholeNumber(n, p, Tokens)),
            Read(section, "money", (n, p) => numbers.Money(n, p, Money)),
            Read(section, "hours", (n, p) => numbers.Number(n, p, Hours)));
        if (section.Find("attempts") is null && section.Find("wall") is null)
        {
            context.Diagnostics.Warning("budget", node.Start,
                "no attempts or wall limit: a trial stops only when its tokens, money or simulated hours run out, which could take a long time");
        }
        return context.Diagnostics.ErrorCount > errorsBefore ? null : budget;
    }

    private static T? Read<T>(MappingSection section, string key, Func<YamlNode, string, T?> read)
        where T : struct =>
        section.Find(key) is { } value ? read(value, section.PathOf(key)) : null;
}
