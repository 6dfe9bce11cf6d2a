using System.Globalization;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Llm.Prompting;

/// <summary>What the trial may still spend, limit by limit.</summary>
internal static class BudgetFormatter
{
    public static string Format(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var budget = context.Budget;
        var spent = context.Spent;
        var lines = new List<string>();
        if (budget.Attempts is { } attempts)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- attempts: {Math.Max(0, attempts - spent.Attempts)} of {attempts} left (this one included)"));
        }
        if (budget.Wall is { } wall)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- wall time: {Minutes(wall - spent.Wall)} of {Minutes(wall)} left"));
        }
        if (budget.Tokens is { } tokens)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- tokens: {Math.Max(0, tokens - spent.Tokens):N0} of {tokens:N0} left"));
        }
        if (budget.Money is { } money)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- money: {Math.Max(0, money - spent.Money):0.####} of {money:0.####} left"));
        }
        if (budget.SimulatedHours is { } hours)
        {
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"- agent hours: {Math.Max(0, hours - spent.SimulatedHours):0.##} of {hours:0.##} left"));
        }
        return lines.Count == 0 ? "No limit is set." : string.Join('\n', lines);
    }

    private static string Minutes(TimeSpan span) =>
        span <= TimeSpan.Zero ? "0 min" : string.Create(CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");
}
