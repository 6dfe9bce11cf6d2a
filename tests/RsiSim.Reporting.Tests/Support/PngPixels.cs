using SkiaSharp;

namespace RsiSim.Reporting.Tests.Support;

/// <summary>What a PNG shows, roughly: its size, how many distinct colours, how many dark pixels (text and lines).</summary>
internal sealed record PngPixels(int Width, int Height, int Colours, int DarkPixels)
{
    public static PngPixels Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8 && bytes.AsSpan(0, 8).SequenceEqual((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), $"{path} is not a PNG");
        using var bitmap = SKBitmap.Decode(bytes) ?? throw new InvalidDataException($"{path} does not decode");
        var colours = new HashSet<uint>();
        int dark = 0;
        for (int y = 0; y < bitmap.Height; y += 2)
        {
            for (int x = 0; x < bitmap.Width; x += 2)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add((uint)pixel);
                dark += pixel.Red + pixel.Green + pixel.Blue < 200 ? 1 : 0;
            }
        }
        return new PngPixels(bitmap.Width, bitmap.Height, colours.Count, dark);
    }
}
