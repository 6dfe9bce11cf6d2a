using System.Globalization;
using RsiSim.Agents.Llm.Chat;
using RsiSim.Agents.Llm.Options;
using RsiSim.Core.Agents;

namespace RsiSim.Agents.Llm.Prompting;

/// <summary>Fills the prompt templates (Prompts/*.prompt.md, documented in docs/llm-agent.md) from what the trial knows.</summary>
internal sealed class PromptBuilder
{
    private const string EditInstructions = "edit_instructions";
    private readonly PromptTemplate _system;
    private readonly PromptTemplate _user = PromptTemplate.Embedded("user.prompt.md");
    private readonly string _editInstructions;
    private readonly EditFormat _format;
    private readonly int _history;

    /// <param name="format">How replies are asked to be written.</param>
    /// <param name="history">How many past attempts to show.</param>
    /// <param name="customSystem">The text of the arm's system-prompt file, or null for the built-in one.</param>
    public PromptBuilder(EditFormat format, int history, string? customSystem)
    {
        _format = format;
        _history = history;
        _editInstructions = PromptTemplate.Embedded(format == EditFormat.SearchReplace ? "edit-search-replace.prompt.md" : "edit-full.prompt.md").Text.Trim();
        var system = customSystem is null ? PromptTemplate.Embedded("system.prompt.md") : new PromptTemplate(customSystem);
        // Replies must stay parsable: a custom system prompt that leaves out the answer format still gets it.
        _system = system.Mentions(EditInstructions) ? system : new PromptTemplate(system.Text.TrimEnd() + "\n\n{{" + EditInstructions + "}}\n");
    }

    public LlmPrompt Build(AgentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [EditInstructions] = _editInstructions,
            ["task_id"] = context.Task.Id,
            ["task_title"] = context.Task.Title,
            ["size"] = context.Size,
            ["rules"] = context.Task.Rules.Trim(),
            ["best_hash"] = context.Best.Candidate.Hash,
            ["best_figures"] = FiguresFormatter.Format(context.Best),
            ["best_source"] = context.Best.Candidate.Source.TrimEnd(),
            ["history"] = HistoryFormatter.Format(context, _history),
            ["budget"] = BudgetFormatter.Format(context),
            ["attempt"] = context.Attempt.ToString(CultureInfo.InvariantCulture),
            ["edit_reminder"] = _format == EditFormat.SearchReplace
                ? "Answer with SEARCH/REPLACE blocks against the current best version."
                : "Answer with the whole new file in one ```csharp block.",
        };
        return new LlmPrompt(_system.Render(values).Trim() + "\n", _user.Render(values).Trim() + "\n");
    }
}
