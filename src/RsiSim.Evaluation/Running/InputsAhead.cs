using RsiSim.Evaluation.Timing;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>The runs' inputs of evaluations named ahead (<see cref="Core.Evaluations.IEvaluator.Expect"/>), drawn in the
/// background under the timing gate's shared hold (as a compile is: never beside a timed run) and taken by the evaluation
/// they were drawn for.</summary>
/// <remarks>Oldest first; one named but never made (the agent finished, or its proposal was no candidate) is dropped once
/// <see cref="MaxKept"/> newer ones are named, and its drawing is still awaited on dispose. A drawing that fails (a size the
/// task does not have, a gate already disposed) comes to nothing: a hint owes nothing, and the evaluation, if it comes,
/// draws its inputs itself and meets the same fault where it would have without the hint.</remarks>
internal sealed class InputsAhead(TimingGate gate, TimingProtocol timing) : IAsyncDisposable
{
    /// <summary>How many evaluations' inputs are kept drawn ahead at once (parallel trials each name their next one).</summary>
    public const int MaxKept = 8;

    private readonly Lock _lock = new();
    private readonly List<((string Task, string Size, ulong HiddenSeed) Key, Task<RunInputs?> Drawing)> _named = [];
    private readonly List<Task> _dropped = [];

    /// <summary>Starts drawing the inputs of the evaluation on <paramref name="hiddenSeed"/>, unless it is named already.</summary>
    public void Name(IHarnessedTask task, string size, ulong hiddenSeed)
    {
        var key = (task.Id, size, hiddenSeed);
        lock (_lock)
        {
            if (_named.Exists(e => e.Key == key))
            {
                return;
            }
            if (_named.Count >= MaxKept)
            {
                _dropped.RemoveAll(t => t.IsCompleted);
                _dropped.Add(_named[0].Drawing);
                _named.RemoveAt(0);
            }
            _named.Add((key, Task.Run(() => DrawAsync(task, size, hiddenSeed))));
        }
    }

    /// <summary>The inputs drawn for this evaluation, once drawn, if it was named; null otherwise.</summary>
    public async ValueTask<RunInputs?> TakeAsync(string taskId, string size, ulong hiddenSeed)
    {
        Task<RunInputs?>? drawing = null;
        lock (_lock)
        {
            int at = _named.FindIndex(e => e.Key == (taskId, size, hiddenSeed));
            if (at >= 0)
            {
                drawing = _named[at].Drawing;
                _named.RemoveAt(at);
            }
        }
        return drawing is null ? null : await drawing.ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        Task[] drawings;
        lock (_lock)
        {
            drawings = [.. _named.Select(e => e.Drawing), .. _dropped];
            _named.Clear();
            _dropped.Clear();
        }
        await Task.WhenAll(drawings).ConfigureAwait(false);
    }

    private async Task<RunInputs?> DrawAsync(IHarnessedTask task, string size, ulong hiddenSeed)
    {
        try
        {
            using var shared = await gate.EnterSharedAsync(CancellationToken.None).ConfigureAwait(false);
            var inputs = new RunInputs(task.Harness, size);
            inputs.DrawAll(timing.Seeds(hiddenSeed));
            return inputs;
        }
#pragma warning disable CA1031 // Swallowed on purpose: a hint that came to nothing (remarks).
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
