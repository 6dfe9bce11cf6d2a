using System.Globalization;
using System.Text;

namespace RsiSim.Storage.Folders;

/// <summary>The layout of one run folder: <c>run.db</c>, <c>events.jsonl</c>, <c>candidates/&lt;hash&gt;.cs</c> and <c>logs/</c>.</summary>
public sealed record RunFolder(string Directory)
{
    public const string DatabaseName = "run.db";
    public const string EventsName = "events.jsonl";
    public const string LockName = "run.lock";

    public string Database => Path.Combine(Directory, DatabaseName);

    public string Events => Path.Combine(Directory, EventsName);

    public string Lock => Path.Combine(Directory, LockName);

    public string Candidates => Path.Combine(Directory, "candidates");

    public string Logs => Path.Combine(Directory, "logs");

    public string CandidateFile(string hash) => Path.Combine(Candidates, hash + ".cs");

    /// <summary>Creates <c>&lt;runsRoot&gt;/&lt;utc-time&gt;-&lt;name&gt;/</c>, adding -2, -3, ... when another run took that name in the same second.</summary>
    public static RunFolder Create(string runsRoot, string runName, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runsRoot);
        ArgumentNullException.ThrowIfNull(runName);
        ArgumentNullException.ThrowIfNull(time);
        System.IO.Directory.CreateDirectory(runsRoot);
        string stem = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + "-" + Slug(runName);
        for (int suffix = 1; ; suffix++)
        {
            var folder = new RunFolder(Path.Combine(runsRoot, suffix == 1 ? stem : stem + "-" + suffix.ToString(CultureInfo.InvariantCulture)));
            if (folder.TryClaim())
            {
                System.IO.Directory.CreateDirectory(folder.Candidates);
                System.IO.Directory.CreateDirectory(folder.Logs);
                return folder;
            }
        }
    }

    /// <summary>What is wrong with an existing run folder; empty when it can be read and resumed.</summary>
    public static IReadOnlyList<string> Validate(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!System.IO.Directory.Exists(directory))
        {
            return [$"{directory}: no such folder"];
        }
        var folder = new RunFolder(directory);
        var problems = new List<string>();
        if (!File.Exists(folder.Database))
        {
            problems.Add($"{folder.Database}: missing; this is not a run folder");
        }
        else if (!SqliteHeader.IsPresent(folder.Database))
        {
            problems.Add($"{folder.Database}: not an SQLite database");
        }
        if (!System.IO.Directory.Exists(folder.Candidates))
        {
            problems.Add($"{folder.Candidates}: missing folder");
        }
        return problems;
    }

    // The events file doubles as the claim: creating it with CreateNew is atomic, so two processes
    // starting the same run name in the same second never share a folder.
    private bool TryClaim()
    {
        System.IO.Directory.CreateDirectory(Directory);
        try
        {
            using var claim = new FileStream(Events, FileMode.CreateNew, FileAccess.Write, FileShare.ReadWrite);
            return true;
        }
        catch (IOException) when (File.Exists(Events))
        {
            return false;
        }
    }

    private static string Slug(string name)
    {
        var slug = new StringBuilder();
        foreach (char c in name)
        {
            slug.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-');
        }
        string text = slug.ToString().Trim('-', '.');
        return text.Length == 0 ? "run" : text;
    }
}
