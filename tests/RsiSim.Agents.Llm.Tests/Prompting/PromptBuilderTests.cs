using RsiSim.Agents.Llm.Options;
using RsiSim.Agents.Llm.Prompting;
using RsiSim.Agents.Llm.Tests.Support;
using RsiSim.Core.Agents;
using RsiSim.Core.Attempts;
using RsiSim.Core.Budgets;

namespace RsiSim.Agents.Llm.Tests.Prompting;

public sealed class PromptBuilderTests
{
    [Theory]
    [InlineData(false, "Then the WHOLE new file")]
    [InlineData(true, "<<<<<<< SEARCH")]
    public void Every_placeholder_of_the_built_in_templates_is_filled_and_the_answer_format_is_explained(bool searchReplace, string instructions)
    {
        var format = searchReplace ? EditFormat.SearchReplace : EditFormat.Full;
        var context = AgentContexts.Create(LlmArms.Create(null), new Budget(Attempts: 10, Money: 2m), new BudgetUsage(3, TimeSpan.FromMinutes(1), 4500, 0.25m, 0));

        var prompt = new PromptBuilder(format, history: 8, customSystem: null).Build(context);

        Assert.DoesNotContain("{{", prompt.System + prompt.User, StringComparison.Ordinal);
        Assert.Contains(instructions, prompt.System, StringComparison.Ordinal);
        Assert.Contains(context.Task.Rules.Trim(), prompt.User, StringComparison.Ordinal);
        Assert.Contains(context.Reference.Source.TrimEnd(), prompt.User, StringComparison.Ordinal);
        Assert.Contains("- attempts: 7 of 10 left", prompt.User, StringComparison.Ordinal);
        Assert.Contains("- money: 1.75 of 2 left", prompt.User, StringComparison.Ordinal);
        Assert.Contains("None yet: this is the first attempt.", prompt.User, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_most_recent_attempts_are_shown_and_the_older_ones_are_counted()
    {
        var history = Enumerable.Range(1, 5).Select(i => new AttemptRecord(
            i, i % 2 == 0 ? AttemptStatus.WrongResult : AttemptStatus.EditFailed, null, null, $"try {i}", [], null, 1.0,
            i % 2 == 0 ? $"check held-out-loss failed: relative difference {i}e-2" : $"try {i}", AgentUsage.None, BudgetUsage.Zero)).ToList();
        var context = AgentContexts.Create(LlmArms.Create(null), new Budget(Attempts: 10), history: history);

        string user = new PromptBuilder(EditFormat.Full, history: 2, customSystem: null).Build(context).User;

        Assert.Contains("Attempts 1 to 3 are not shown (2 edit-failed, 1 wrong-result).", user, StringComparison.Ordinal);
        Assert.Contains("- Attempt 4: wrong-result\n  change: try 4\n  result: check held-out-loss failed: relative difference 4e-2", user, StringComparison.Ordinal);
        Assert.Contains("- Attempt 5: edit-failed\n  result: try 5", user, StringComparison.Ordinal);
        Assert.DoesNotContain("- Attempt 3", user, StringComparison.Ordinal);
    }

    [Fact]
    public void A_custom_system_prompt_replaces_the_built_in_one_and_still_gets_the_answer_format()
    {
        var context = AgentContexts.Create(LlmArms.Create(null), new Budget(Attempts: 1));

        string system = new PromptBuilder(EditFormat.SearchReplace, history: 8, customSystem: "You are terse. Task {{task_id}}.").Build(context).System;

        Assert.StartsWith("You are terse. Task tinylm.", system, StringComparison.Ordinal);
        Assert.Contains(">>>>>>> REPLACE", system, StringComparison.Ordinal);
        Assert.DoesNotContain("expert C# performance engineer", system, StringComparison.Ordinal);
    }
}
