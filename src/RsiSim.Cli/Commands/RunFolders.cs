using RsiSim.Cli.Infrastructure;
using RsiSim.Storage;
using RsiSim.Storage.Reading;

namespace RsiSim.Cli.Commands;

/// <summary>Loads the run folders that report, compare and export read; a missing or damaged folder is the user's input, reported in one line.</summary>
internal static class RunFolders
{
    public static async Task<List<StoredRun>> LoadAsync(IReadOnlyList<string> directories, CancellationToken cancellationToken)
    {
        var repeated = directories.GroupBy(d => Path.GetFullPath(Path.TrimEndingDirectorySeparator(d)), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new UserInputException($"the run folder {repeated.Key} is given {repeated.Count()} times; give each run once");
        }
        var runs = new List<StoredRun>();
        foreach (string directory in directories)
        {
            runs.Add(await LoadAsync(directory, cancellationToken).ConfigureAwait(false));
        }
        return runs;
    }

    public static async Task<StoredRun> LoadAsync(string directory, CancellationToken cancellationToken)
    {
        try
        {
            return await RunStoreReader.LoadAsync(directory, cancellationToken).ConfigureAwait(false);
        }
        catch (RunStoreException e)
        {
            throw new UserInputException($"cannot read the run folder '{directory}': {e.Message}", e);
        }
    }
}
