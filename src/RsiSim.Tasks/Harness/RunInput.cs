namespace RsiSim.Tasks.Harness;

/// <summary>Everything a run is handed, drawn from its seed, as plain arrays: what the host draws once for both sides of a
/// pair and gives each worker in a file (<see cref="ITaskHarness.DrawInput"/>).</summary>
/// <remarks>The harness decides what each array is; <see cref="ITaskHarness.Prepare(string, ulong, RunInput, Func{object})"/>
/// takes back exactly what <see cref="ITaskHarness.DrawInput"/> gave, and refuses anything of another shape. What the checks
/// hold back (held-out data) is never part of it.</remarks>
public sealed record RunInput(IReadOnlyList<double[]> Doubles, IReadOnlyList<int[]> Integers)
{
    /// <summary>Throws unless this input has arrays of exactly these lengths.</summary>
    /// <exception cref="ArgumentException">Another count of arrays, or an array of another length.</exception>
    public void Expect(string what, IReadOnlyList<int> doubles, IReadOnlyList<int> integers)
    {
        ArgumentNullException.ThrowIfNull(doubles);
        ArgumentNullException.ThrowIfNull(integers);
        if (!Same(Doubles, doubles) || !Same(Integers, integers))
        {
            throw new ArgumentException($"the input is not one of {what}: {Doubles.Count} arrays of doubles and {Integers.Count} of integers, not {doubles.Count} and {integers.Count} of the lengths its size gives");
        }
    }

    // A plain loop: this runs in every fresh worker, where LINQ's generic instantiations would be JIT-compiled.
    private static bool Same<T>(IReadOnlyList<T[]> arrays, IReadOnlyList<int> lengths)
    {
        if (arrays.Count != lengths.Count)
        {
            return false;
        }
        for (int i = 0; i < lengths.Count; i++)
        {
            if (arrays[i] is null || arrays[i].Length != lengths[i])
            {
                return false;
            }
        }
        return true;
    }
}
