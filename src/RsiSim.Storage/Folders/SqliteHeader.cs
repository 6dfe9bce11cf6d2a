using System.Text;

namespace RsiSim.Storage.Folders;

/// <summary>Recognises an SQLite database file by its 16-byte header.</summary>
internal static class SqliteHeader
{
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("SQLite format 3\0");

    public static bool IsPresent(string path)
    {
        var header = new byte[Magic.Length];
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length && header.AsSpan().SequenceEqual(Magic);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
