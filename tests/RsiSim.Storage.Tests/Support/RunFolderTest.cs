using RsiSim.Storage.Folders;

namespace RsiSim.Storage.Tests.Support;

/// <summary>A test that works in its own temporary folder, with a clock it controls; the folder is deleted afterwards.</summary>
public abstract class RunFolderTest : IDisposable
{
    private protected TempFolder Temp { get; } = new();

    private protected ManualTime Time { get; } = new();

    private protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    private protected RunFolder NewFolder() => RunFolder.Create(Temp.Path, "quickstart", Time);

    private protected Task<SqliteRunStore> NewStoreAsync() => SqliteRunStore.CreateAsync(NewFolder().Directory, SampleManifest.Create(), Time, Ct);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Temp.Dispose();
        }
    }
}
