using System.Text;

namespace RsiSim.Storage.Writing;

/// <summary>Writes the run folder's text files so that a full disk fails with ENOSPC, which the store reports as disk-full.</summary>
internal static class TextFiles
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Creates or replaces <paramref name="path"/> with <paramref name="text"/> as UTF-8 without a byte-order mark.</summary>
    public static void Write(string path, string text)
    {
        // Not File.WriteAllText: it preallocates files over 8 KB, and a preallocation on a full disk throws an
        // IOException that carries no error code, which could not be told apart from any other failure.
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using var writer = new StreamWriter(stream, Utf8NoBom);
        writer.Write(text);
    }
}
