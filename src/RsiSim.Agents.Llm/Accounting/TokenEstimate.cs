namespace RsiSim.Agents.Llm.Accounting;

/// <summary>Token counts from text length, for when a server reports no usage and for checking a budget before a call.</summary>
internal static class TokenEstimate
{
    /// <summary>About four characters a token: English and code through common tokenizers.</summary>
    public static long Typical(int characters) => (characters + 3) / 4;

    /// <summary>Three characters a token: a generous bound, for deciding whether a call could overrun a budget.</summary>
    public static long Generous(int characters) => (characters + 2) / 3;
}
