namespace RsiSim.Agents.Llm.Replies;

/// <summary>One SEARCH/REPLACE edit: lines to find in the current source and the lines that replace them.</summary>
internal sealed record SearchReplaceBlock(IReadOnlyList<string> Search, IReadOnlyList<string> Replace);
