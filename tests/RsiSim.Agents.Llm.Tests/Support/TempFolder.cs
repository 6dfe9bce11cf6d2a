namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>A fresh folder for one test under the system's temp folder, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rsisim-llm-" + Guid.NewGuid().ToString("N")[..12]);

    public string Combine(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A child process may hold a file for a moment longer; temp folders are cleaned by the system.
        }
    }
}
