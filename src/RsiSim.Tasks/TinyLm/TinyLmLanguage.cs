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
    private const int WordTable = 4096;
    private static readonly int[] WordAt = BuildWordTable();
    // Plain loops, here and in Sample: this file is precompiled for the worker, and LINQ or collection expressions over
    // ints would have each fresh worker JIT-compile their generic instantiations on its first run's preparation.
    private static readonly int[][] LexiconIds = BuildIds(Lexicon.Length, i => Lexicon[i]);
    private static readonly int[][] NumberIds = BuildIds(1000, n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));
    private static readonly int Space = Alphabet.IndexOf(' ', StringComparison.Ordinal);
    private static readonly int FullStop = Alphabet.IndexOf('.', StringComparison.Ordinal);

    /// <summary>Number of characters in the vocabulary.</summary>
    public static int Vocabulary => Alphabet.Length;

    /// <summary>Draws <paramref name="length"/> characters of text, as character ids, from the seed.</summary>
    /// <remarks>Sentences of 3 to 11 words (each a number below 1000 one time in 25, else a lexicon word by Zipf's
    /// law) joined by spaces, the first letter upper-cased, ended by ". ". The words' ids are looked up once, so each
    /// run's text is drawn without building strings (it is on every run's preparation): the same ids, draw for draw,
    /// as building each sentence's string and looking its characters up (tested).</remarks>
    public static int[] Sample(int length, ulong seed)
    {
        var random = new SplitMix64(seed);
        var ids = new int[length];
        int written = 0;
        while (written < length)
        {
            int count = 3 + random.NextInt(9);
            for (int w = 0; w < count && written < length; w++)
            {
                var word = random.NextDouble() < 0.04 ? NumberIds[random.NextInt(1000)] : LexiconIds[WordIndex(random)];
                if (w > 0)
                {
                    ids[written++] = Space;
                }
                for (int c = 0; c < word.Length && written < length; c++)
                {
                    ids[written++] = w == 0 && c == 0 ? UpperCase(word[0]) : word[c];
                }
            }
            if (written < length)
            {
                ids[written++] = FullStop;
            }
            if (written < length)
            {
                ids[written++] = Space;
            }
        }
        return ids;
    }

    // The first word whose cumulative frequency reaches u (the last word past them all), as a binary search over
    // CumulativeFrequency finds it; a table of where each 1/4096th of [0, 1) starts leaves a step or two to walk.
    private static int WordIndex(SplitMix64 random)
    {
        double u = random.NextDouble();
        int index = WordAt[(int)(u * WordTable)];
        while (index < CumulativeFrequency.Length && CumulativeFrequency[index] < u)
        {
            index++;
        }
        return Math.Min(index, Lexicon.Length - 1);
    }

    private static int[] BuildWordTable()
    {
        var table = new int[WordTable];
        int index = 0;
        for (int slot = 0; slot < WordTable; slot++)
        {
            double start = (double)slot / WordTable;
            while (index < CumulativeFrequency.Length && CumulativeFrequency[index] < start)
            {
                index++;
            }
            table[slot] = index;
        }
        return table;
    }

    private static int[][] BuildIds(int count, Func<int, string> text)
    {
        var ids = new int[count][];
        for (int i = 0; i < count; i++)
        {
            string word = text(i);
            ids[i] = new int[word.Length];
            for (int c = 0; c < word.Length; c++)
            {
                ids[i][c] = Alphabet.IndexOf(word[c], StringComparison.Ordinal);
            }
        }
        return ids;
    }

    // Lower-case letters come first in the alphabet, their capitals 26 places later; anything else stays as it is.
    private static int UpperCase(int id) => id < 26 ? id + 26 : id;

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
