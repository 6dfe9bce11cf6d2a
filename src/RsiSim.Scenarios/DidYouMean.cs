namespace RsiSim.Scenarios;

/// <summary>Suggests the known name a mistyped one was probably meant to be, as in "unknown agent 'gredy' (did you mean 'greedy'?)".</summary>
public static class DidYouMean
{
    // Names are short; a long input is not a typo of one, and the distance table grows with the product of lengths.
    private const int MaxLength = 64;

    /// <summary>The closest candidate, or null when none is close enough to be a likely typo.</summary>
    /// <remarks>
    /// Case, '-' and '_' are ignored first ("Greedy", "api_key_env"); then a candidate the input is a
    /// prefix of ("mythos" for "mythos-preview"); then the smallest Damerau-Levenshtein distance within
    /// a third of the input's length (at least 1, at most 3).
    /// </remarks>
    public static string? Suggest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        var typed = Normalize(input);
        if (typed.Length is 0 or > MaxLength)
        {
            return null;
        }
        var known = candidates.Where(c => c != input).Select(c => (Name: c, Key: Normalize(c))).ToList();
        var same = known.FirstOrDefault(c => c.Key == typed).Name;
        if (same is not null)
        {
            return same;
        }
        if (typed.Length >= 3)
        {
            var extended = known.Where(c => c.Key.StartsWith(typed, StringComparison.Ordinal)).OrderBy(c => c.Key.Length).Select(c => c.Name).FirstOrDefault();
            if (extended is not null)
            {
                return extended;
            }
        }
        var threshold = Math.Clamp(typed.Length / 3, 1, 3);
        return known
            .Select(c => (c.Name, Distance: Distance(typed, c.Key)))
            .Where(c => c.Distance <= threshold)
            .OrderBy(c => c.Distance)
            .Select(c => c.Name)
            .FirstOrDefault();
    }

    /// <summary>" (did you mean 'x'?)" when there is a suggestion, else an empty string.</summary>
    public static string Hint(string input, IEnumerable<string> candidates) =>
        Suggest(input, candidates) is { } suggestion ? $" (did you mean '{suggestion}'?)" : "";

    /// <summary>Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    internal static int Distance(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }

    private static string Normalize(string name) =>
        string.Concat(name.Where(c => c is not ('-' or '_' or ' ')).Select(char.ToLowerInvariant));
}
