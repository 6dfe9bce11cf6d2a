using System.Buffers.Binary;
using System.Runtime.InteropServices;
using RsiSim.Tasks.Harness;

namespace RsiSim.Worker.Protocol;

/// <summary>A run's input in a file the host writes in the worker's folder: a header of counts and lengths, then each array's
/// raw little-endian bytes (doubles first, then integers), read straight into the arrays the run is handed.</summary>
/// <remarks>Since protocol 6: the host draws each seed's input once, while it compiles, and both workers read it, instead of
/// each worker drawing it between two timed runs (1.3 ms a run at tinylm's <c>small</c>, 2 to 3 beside the other worker's
/// collection and the host's checks; docs/evaluation.md).</remarks>
internal static class InputFile
{
    /// <summary>The one name the host writes a run's input to, in the worker's own folder, overwritten by every preparation.</summary>
    public const string Name = "input.bin";

    /// <summary>The most arrays an input may hold, and the most elements in all: 128 MiB of doubles.</summary>
    public const int MaxArrays = 1 << 16;

    /// <summary>The most elements an input may hold in all of its arrays.</summary>
    public const long MaxElements = 1L << 24;

    public static void Write(string path, RunInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ProtocolFile.EnsureLittleEndian();
        var header = new int[2 + input.Doubles.Count + input.Integers.Count];
        (header[0], header[1]) = (input.Doubles.Count, input.Integers.Count);
        for (int i = 0; i < input.Doubles.Count; i++)
        {
            header[2 + i] = input.Doubles[i].Length;
        }
        for (int i = 0; i < input.Integers.Count; i++)
        {
            header[2 + input.Doubles.Count + i] = input.Integers[i].Length;
        }
        // Overwritten in place, then cut to length, as the result file is (ResultFile.Write).
        using var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None, bufferSize: 0);
        file.Write(MemoryMarshal.AsBytes(header.AsSpan()));
        foreach (var array in input.Doubles)
        {
            file.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }
        foreach (var array in input.Integers)
        {
            file.Write(MemoryMarshal.AsBytes(array.AsSpan()));
        }
        file.SetLength(file.Position);
    }

    /// <summary>Reads an input the host wrote.</summary>
    /// <exception cref="FormatException">The file is missing, a link, or not exactly the arrays its header names.</exception>
    public static RunInput Read(string path)
    {
        ProtocolFile.EnsureLittleEndian();
        try
        {
            using var file = ProtocolFile.OpenPlain(path, "input file");
            Span<byte> counts = stackalloc byte[2 * sizeof(int)];
            file.ReadExactly(counts);
            int doubles = BinaryPrimitives.ReadInt32LittleEndian(counts);
            int integers = BinaryPrimitives.ReadInt32LittleEndian(counts[sizeof(int)..]);
            if (doubles < 0 || integers < 0 || (long)doubles + integers > MaxArrays)
            {
                throw new FormatException($"the input file names {doubles} and {integers} arrays");
            }
            var lengths = new int[doubles + integers];
            file.ReadExactly(MemoryMarshal.AsBytes(lengths.AsSpan()));
            long bytes = (long)(2 + lengths.Length) * sizeof(int), elements = 0;
            for (int i = 0; i < lengths.Length; i++)
            {
                elements += lengths[i] >= 0 ? lengths[i] : throw new FormatException($"a negative length ({lengths[i]})");
                bytes += (long)lengths[i] * (i < doubles ? sizeof(double) : sizeof(int));
            }
            if (elements > MaxElements || file.Length != bytes)
            {
                throw new FormatException($"the input file holds {file.Length} bytes, not the {bytes} its header names");
            }
            var doubleArrays = new double[doubles][];
            for (int i = 0; i < doubles; i++)
            {
                doubleArrays[i] = new double[lengths[i]];
                file.ReadExactly(MemoryMarshal.AsBytes(doubleArrays[i].AsSpan()));
            }
            var integerArrays = new int[integers][];
            for (int i = 0; i < integers; i++)
            {
                integerArrays[i] = new int[lengths[doubles + i]];
                file.ReadExactly(MemoryMarshal.AsBytes(integerArrays[i].AsSpan()));
            }
            return new RunInput(doubleArrays, integerArrays);
        }
        catch (EndOfStreamException ex)
        {
            throw new FormatException("the input file ends before its header does", ex);
        }
        catch (Exception ex) when (ProtocolFile.IsUnreadable(ex))
        {
            throw ProtocolFile.Unreadable("input file", ex);
        }
    }
}
