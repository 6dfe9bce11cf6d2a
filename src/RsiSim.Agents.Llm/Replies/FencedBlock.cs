namespace RsiSim.Agents.Llm.Replies;

/// <summary>One ``` block of a reply: its language tag, its text, and whether its closing fence came.</summary>
internal sealed record FencedBlock(string Language, string Code, bool Closed, int FirstLine)
{
    public bool IsCSharp => Language is "csharp" or "cs" or "c#" or "C#" or "CSharp" or "c-sharp";
}
