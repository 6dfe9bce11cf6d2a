using System.Runtime.InteropServices;

namespace RsiSim.Worker.Protocol;

/// <summary>A run's doubles in a file beside the worker: their raw little-endian IEEE 754 bytes, one array after another,
/// so values round-trip exactly and neither side encodes or parses them.</summary>
/// <remarks>Until protocol 4 they travelled base64 in the result line, some 600 KB at <c>small</c>: 3 to 44 ms (typically
/// 10 to 15) from a run's return to the host holding its output, against a millisecond or two through the page cache.</remarks>
internal static class ResultFile
{
    /// <summary>The one name the worker writes, overwritten by every run; the host reads it before it asks for another.</summary>
    public const string Name = "result.bin";

    /// <summary>The most a result may hold: 16 Mi doubles, 128 MiB (tinylm's hold under 100 thousand at every size).
    /// The worker refuses to write more, and the host to read more, so neither fills its disk or memory for a program.</summary>
    public const long MaxDoubles = 1L << 24;

    public static void Write(string path, IEnumerable<double[]> arrays)
    {
        ProtocolFile.EnsureLittleEndian();
        // Overwritten in place, then cut to length: truncating the last run's file first (FileMode.Create) took 2 to 7 ms of
        // a worker's result path beside the other worker's preparation, against a few hundredths of a millisecond for
        // writing over pages the file already has (worker trace and a throwaway timing, 2026-11-28).
        using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize: 0);
        foreach (var array in arrays)
        {
            file.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }
        file.SetLength(file.Position);
    }

    /// <summary>Reads arrays of the given lengths, in order, from a file that holds exactly that many doubles.</summary>
    /// <exception cref="FormatException">The file is missing, or does not hold exactly those doubles.</exception>
    public static double[][] Read(string path, IReadOnlyList<int> lengths)
    {
        ProtocolFile.EnsureLittleEndian();
        long total = 0;
        foreach (int length in lengths)
        {
            total += length >= 0 ? length : throw new FormatException($"a negative length ({length})");
        }
        if (total > MaxDoubles)
        {
            throw new FormatException($"{total} doubles is more than a result may hold");
        }
        try
        {
            // Only the plain file the worker wrote: not a link to something else of the host's.
            using var file = ProtocolFile.OpenPlain(path, "result file");
            if (file.Length != total * sizeof(double))
            {
                throw new FormatException($"the result file holds {file.Length} bytes, not {total} doubles");
            }
            var arrays = new double[lengths.Count][];
            for (int i = 0; i < arrays.Length; i++)
            {
                arrays[i] = new double[lengths[i]];
                file.ReadExactly(MemoryMarshal.AsBytes(arrays[i].AsSpan()));
            }
            return arrays;
        }
        catch (Exception ex) when (ProtocolFile.IsUnreadable(ex))
        {
            throw ProtocolFile.Unreadable("result file", ex);
        }
    }
}
