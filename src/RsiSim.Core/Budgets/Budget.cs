namespace RsiSim.Core.Budgets;

/// <summary>What one trial may spend. A trial stops at the first limit reached; a null limit is no limit.</summary>
public sealed record Budget(int? Attempts = null, TimeSpan? Wall = null, long? Tokens = null, decimal? Money = null, double? SimulatedHours = null)
{
    /// <summary>The name of the first limit <paramref name="used"/> has reached, or null while all have room.</summary>
    public string? SpentBy(BudgetUsage used)
    {
        ArgumentNullException.ThrowIfNull(used);
        if (used.Attempts >= Attempts)
        {
            return "attempts";
        }
        if (used.Wall >= Wall)
        {
            return "wall";
        }
        if (used.Tokens >= Tokens)
        {
            return "tokens";
        }
        if (used.Money >= Money)
        {
            return "money";
        }
        if (used.SimulatedHours >= SimulatedHours)
        {
            return "hours";
        }
        return null;
    }

    /// <summary>True when no limit is set at all.</summary>
    public bool IsUnbounded => Attempts is null && Wall is null && Tokens is null && Money is null && SimulatedHours is null;
}
