using System.Collections.Concurrent;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>The inputs of one evaluation's runs, drawn in the host once per seed (<see cref="ITaskHarness.DrawInput"/>) and
/// handed to both workers, the reference's and the candidate's, instead of each drawing its own.</summary>
/// <remarks>The evaluator draws every seed of its schedule while Roslyn compiles the candidate (<see cref="DrawAll"/>), so
/// no drawing is left between two timed runs; a seed not drawn ahead (a pair added for precision) is drawn when its first
/// run is prepared, beside the settle of the run before it. Nothing
/// here is timed or touches candidate code, and only the held-back part of a run (its held-out data) is never drawn.</remarks>
public sealed class RunInputs(ITaskHarness harness, string size)
{
    private readonly ConcurrentDictionary<ulong, Lazy<RunInput?>> _drawn = new();

    /// <summary>The seeds drawn (or being drawn) so far; for tests and diagnostics.</summary>
    public IReadOnlyCollection<ulong> Seeds => [.. _drawn.Keys];

    /// <summary>The input of the run on <paramref name="seed"/>, drawn now if it was not yet; null where the task's workers
    /// draw their runs from the seed themselves.</summary>
    public RunInput? For(ulong seed) =>
        _drawn.GetOrAdd(seed, s => new Lazy<RunInput?>(() => harness.DrawInput(size, s))).Value;

    /// <summary>Draws every one of <paramref name="seeds"/> not drawn yet, one after another, on the calling thread; stops
    /// between two seeds once <paramref name="cancellationToken"/> is cancelled.</summary>
    public void DrawAll(IEnumerable<ulong> seeds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(seeds);
        foreach (ulong seed in seeds)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            For(seed);
        }
    }
}
