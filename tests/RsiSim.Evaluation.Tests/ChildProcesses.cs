namespace RsiSim.Evaluation.Tests;

/// <summary>The live child processes of this test process, read from /proc: a worker left behind shows up here. The
/// reference workers runners keep idle between sessions and the spares they start for the next candidate
/// (<see cref="Sandbox.WorkerCandidateRunner"/>) are not left behind.</summary>
internal static class ChildProcesses
{
    /// <summary>Whether the process runs (exists and is not a zombie waiting to be reaped).</summary>
    public static bool IsAlive(int pid) => File.Exists($"/proc/{pid}/stat") && !File.ReadAllText($"/proc/{pid}/stat").Contains(") Z ", StringComparison.Ordinal);

    public static IReadOnlyList<int> OfThisProcess()
    {
        // A session's end stops its candidate's worker in the background, and a spare asked for then is a process before it
        // is registered as one: wait for both.
        SpinWait.SpinUntil(
            () => RsiSim.Evaluation.Sandbox.WorkerCandidateRunner.SparesStarting == 0 && RsiSim.Evaluation.Sandbox.WorkerCandidateRunner.WorkersStopping == 0,
            TimeSpan.FromSeconds(10));
        int self = Environment.ProcessId;
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }
            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(dir, "stat"));
            }
            catch (IOException)
            {
                continue; // it ended meanwhile
            }
            // pid (comm) state ppid ...: comm may hold spaces and parentheses, so parse from the last ')'.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            if (fields[0] != "Z" && int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture) == self && !RsiSim.Evaluation.Sandbox.WorkerCandidateRunner.KeptProcessIds.Contains(pid)
                && !RsiSim.Evaluation.Sandbox.WorkerCandidateRunner.SpareProcessIds.Contains(pid))
            {
                children.Add(pid);
            }
        }
        return children;
    }
}
