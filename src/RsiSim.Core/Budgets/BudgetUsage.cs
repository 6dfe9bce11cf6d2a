namespace RsiSim.Core.Budgets;

/// <summary>What a trial has spent so far, in all five currencies.</summary>
public sealed record BudgetUsage(int Attempts, TimeSpan Wall, long Tokens, decimal Money, double SimulatedHours)
{
    public static BudgetUsage Zero { get; } = new(0, TimeSpan.Zero, 0, 0m, 0);
}
