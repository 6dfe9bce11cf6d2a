namespace RsiSim.Core.Randomness;

/// <summary>A tiny, fast, seedable random generator whose stream is fixed forever (unlike System.Random's).</summary>
public sealed class SplitMix64(ulong seed)
{
    private ulong _state = seed;

    /// <summary>The stream's position; a new generator with this seed continues exactly where this one is.</summary>
    public ulong State => _state;

    public ulong NextULong()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, bound).</summary>
    public int NextInt(int bound) => (int)(NextDouble() * bound);

    /// <summary>Uniform in [0, bound) for 64-bit bounds.</summary>
    public long NextLong(long bound) => (long)(NextULong() % (ulong)bound);

    /// <summary>A seed for an independent stream, derived from this seed and a label (e.g. "trial", 3).</summary>
    public static ulong Derive(ulong seed, string label, long index = 0)
    {
        ulong h = seed ^ 0xCBF29CE484222325UL;
        foreach (char c in label)
        {
            h = (h ^ c) * 0x100000001B3UL;
        }
        var mix = new SplitMix64(h ^ (ulong)index * 0x9E3779B97F4A7C15UL);
        mix.NextULong();
        return mix.NextULong();
    }

    /// <summary>Standard normal (Box-Muller).</summary>
    public double NextGaussian()
    {
        double u1 = 1.0 - NextDouble();
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
