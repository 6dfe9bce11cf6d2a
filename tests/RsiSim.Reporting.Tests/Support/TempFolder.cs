namespace RsiSim.Reporting.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted with everything in it at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rsisim-reporting-tests", Guid.NewGuid().ToString("N"));

    public string Combine(params string[] names) => System.IO.Path.Combine([Path, .. names]);

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
