using System.Runtime.InteropServices;

namespace RsiSim.Worker.Protocol;

/// <summary>Double arrays on the wire: base64 of their raw little-endian IEEE 754 bytes, so values round-trip exactly.</summary>
internal static class DoubleArrayCodec
{
    public static string Encode(ReadOnlySpan<double> values)
    {
        EnsureLittleEndian();
        return Convert.ToBase64String(MemoryMarshal.AsBytes(values));
    }

    public static double[] Decode(string text)
    {
        EnsureLittleEndian();
        byte[] bytes = Convert.FromBase64String(text);
        if (bytes.Length % sizeof(double) != 0)
        {
            throw new FormatException($"{bytes.Length} bytes is not a whole number of doubles");
        }
        return MemoryMarshal.Cast<byte, double>(bytes).ToArray();
    }

    private static void EnsureLittleEndian()
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("the worker protocol encodes doubles little-endian");
        }
    }
}
