namespace RsiSim.Agents.Llm.Options;

/// <summary>How the model is asked to write its change.</summary>
internal enum EditFormat
{
    /// <summary>The whole file in one fenced csharp block.</summary>
    Full,

    /// <summary>SEARCH/REPLACE blocks applied to the current best source.</summary>
    SearchReplace,
}
