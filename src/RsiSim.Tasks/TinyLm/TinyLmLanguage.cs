using RsiSim.Core.Randomness;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The synthetic language tinylm learns: a fixed lexicon and sentence shape, sampled from a seed.</summary>
/// <remarks>
/// The language itself (alphabet, lexicon, word frequencies) is the same for every run; a run's seed only
/// chooses which sentences are drawn. Held-out text drawn with another seed is therefore the same language,
/// so its loss measures what the model learned, not what it memorised. Nothing is downloaded.
/// </remarks>
public static class TinyLmLanguage
{
    /// <summary>The 64 characters of the vocabulary; a character's id is its index here.</summary>
    public const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .";

    private const int LexiconSeed = 20_260_401;
    private static readonly string[] Onsets = ["", "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "ch", "st", "th", "tr", "sh"];
    private static readonly string[] Vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "y"];
    private static readonly string[] Codas = ["", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ck"];
    private static readonly string[] Lexicon = BuildLexicon();
    private static readonly double[] CumulativeFrequency = BuildZipf(Lexicon.Length);

    /// <summary>Number of characters in the vocabulary.</summary>
    public static int Vocabulary => Alphabet.Length;

    /// <summary>Draws <paramref name="length"/> characters of text, as character ids, from the seed.</summary>
    public static int[] Sample(int length, ulong seed)
    {
        var random = new SplitMix64(seed);
        var ids = new int[length];
        int written = 0;
        while (written < length)
        {
            foreach (char ch in Sentence(random))
            {
                if (written == length)
                {
                    break;
                }
                ids[written++] = Alphabet.IndexOf(ch, StringComparison.Ordinal);
            }
        }
        return ids;
    }

    private static string Sentence(SplitMix64 random)
    {
        var words = new List<string>();
        int count = 3 + random.NextInt(9);
        for (int w = 0; w < count; w++)
        {
            words.Add(random.NextDouble() < 0.04 ? random.NextInt(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : Word(random));
        }
        string sentence = string.Join(' ', words);
        return char.ToUpperInvariant(sentence[0]) + sentence[1..] + ". ";
    }

    private static string Word(SplitMix64 random)
    {
        double u = random.NextDouble();
        int index = Array.BinarySearch(CumulativeFrequency, u);
        return Lexicon[Math.Min(index < 0 ? ~index : index, Lexicon.Length - 1)];
    }

    private static string[] BuildLexicon()
    {
        var random = new SplitMix64(LexiconSeed);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < 600)
        {
            int syllables = 1 + random.NextInt(3);
            var word = new System.Text.StringBuilder();
            for (int s = 0; s < syllables; s++)
            {
                word.Append(Onsets[random.NextInt(Onsets.Length)]).Append(Vowels[random.NextInt(Vowels.Length)]).Append(Codas[random.NextInt(Codas.Length)]);
            }
            if (random.NextDouble() < 0.08)
            {
                word[0] = char.ToUpperInvariant(word[0]);
            }
            words.Add(word.ToString());
        }
        return [.. words];
    }

    private static double[] BuildZipf(int n)
    {
        var cumulative = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            total += 1.0 / (i + 2.7);
            cumulative[i] = total;
        }
        for (int i = 0; i < n; i++)
        {
            cumulative[i] /= total;
        }
        return cumulative;
    }
}
