using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>A session whose runs' inputs are still being drawn as it opens: its first run (the reference's first warm-up)
/// may go beside the drawing, every later run waits for it.</summary>
/// <remarks>A seed the first run needs before the drawing reaches it is drawn then, once (<see cref="RunInputs.For"/>).
/// A drawing that failed fails the second run with its exception, as it would have failed the evaluation before it
/// opened.</remarks>
internal sealed class DrawnAfterFirstRun(IRunSession inner, Task drawing) : IRunSession
{
    private bool _first = true;

    public ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken) =>
        RunAsync(side, seed, timeout, null, cancellationToken);

    public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, Action<RunOutput>? whileSettling, CancellationToken cancellationToken)
    {
        if (!_first)
        {
            await drawing.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        _first = false;
        return await inner.RunAsync(side, seed, timeout, whileSettling, cancellationToken).ConfigureAwait(false);
    }

    public void Expect(RunSide side, ulong seed) => inner.Expect(side, seed);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
