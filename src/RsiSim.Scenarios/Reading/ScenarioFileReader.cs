using System.Text;

namespace RsiSim.Scenarios.Reading;

/// <summary>Reads a scenario file as strict UTF-8 text, refusing with a clear message what is not a small text file.</summary>
internal static class ScenarioFileReader
{
    /// <summary>A scenario is a page of YAML; anything near this size is a wrong file, not a scenario.</summary>
    public const int MaxBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static FileText Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] bytes;
        try
        {
            if (Directory.Exists(path))
            {
                return FileText.Refused("this is a folder, not a scenario file");
            }
            if (!File.Exists(path))
            {
                return FileText.Refused("no such file");
            }
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
            {
                return FileText.Refused(TooLarge(length));
            }
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return FileText.Refused($"cannot read the file: {e.Message}");
        }
        return Decode(bytes);
    }

    /// <summary>Strict UTF-8 (an optional byte-order mark is skipped); NUL bytes and UTF-16 are refused.</summary>
    public static FileText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes)
        {
            return FileText.Refused(TooLarge(bytes.Length));
        }
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((byte[])[0xFF, 0xFE]) || bytes.StartsWith((byte[])[0xFE, 0xFF]))
        {
            return FileText.Refused("the file is UTF-16 text; save it as UTF-8");
        }
        if (bytes.IsEmpty)
        {
            return FileText.Refused("the file is empty");
        }
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            var (line, column) = Position(bytes, nul);
            return FileText.Refused($"this is a binary file, not YAML text (a NUL byte at byte {nul})", line, column);
        }
        try
        {
            return FileText.Ok(StrictUtf8.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            var bad = FirstInvalidUtf8(bytes);
            var (line, column) = Position(bytes, bad);
            return FileText.Refused($"the file is not UTF-8 text (byte 0x{bytes[bad]:X2} at byte {bad} is not valid UTF-8); save it as UTF-8", line, column);
        }
    }

    private static string TooLarge(long length) =>
        $"the file is {length:N0} bytes; a scenario file is at most {MaxBytes:N0} bytes (1 MB)";

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var chars = new char[bytes.Length];
        System.Text.Unicode.Utf8.ToUtf16(bytes, chars, out var read, out _, replaceInvalidSequences: false);
        return Math.Min(read, bytes.Length - 1);
    }

    // The 1-based line of a byte and its 1-based column counted in bytes: exact for the ASCII that YAML keys are.
    private static (int Line, int Column) Position(ReadOnlySpan<byte> bytes, int index)
    {
        var before = bytes[..index];
        var line = before.Count((byte)'\n') + 1;
        var column = index - before.LastIndexOf((byte)'\n');
        return (line, column);
    }
}
