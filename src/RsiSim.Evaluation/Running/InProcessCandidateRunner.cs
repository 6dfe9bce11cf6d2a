using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using RsiSim.Core.Evaluations;
using RsiSim.Tasks.Harness;

namespace RsiSim.Evaluation.Running;

/// <summary>Runs candidates inside this process, each in a collectible load context. No isolation: for trusted code and tests.</summary>
/// <remarks>A timeout is reported but the runaway thread cannot be stopped; the worker runner kills its process instead.</remarks>
public sealed class InProcessCandidateRunner : ICandidateRunner
{
    public ValueTask<SessionOpening> OpenAsync(SessionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var context = new AssemblyLoadContext("candidate", isCollectible: true);
        var baseline = request.Task.Harness.Bind(context.LoadFromStream(new MemoryStream(request.BaselineImage)));
        var loaded = LoadOrNull(context, request.CandidateImage, out var loadError);
        var candidate = loaded is null ? CandidateBinding.Failed(loadError!) : request.Task.Harness.Bind(loaded);
        if (candidate.Create is null || baseline.Create is null)
        {
            context.Unload();
            return ValueTask.FromResult(SessionOpening.Failed(EvaluationStatus.CompileError, candidate.Error ?? baseline.Error ?? "cannot bind"));
        }
        return ValueTask.FromResult(SessionOpening.Opened(new Session(request, context, baseline.Create, candidate.Create)));
    }

    private static Assembly? LoadOrNull(AssemblyLoadContext context, byte[] image, out string? error)
    {
        try
        {
            error = null;
            return context.LoadFromStream(new MemoryStream(image));
        }
        catch (BadImageFormatException ex)
        {
            error = ex.Message;
            return null;
        }
    }

    private sealed class Session(SessionRequest request, AssemblyLoadContext context, Func<object> baseline, Func<object> candidate) : IRunSession
    {
        public async ValueTask<TimedRun> RunAsync(RunSide side, ulong seed, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var prepared = request.Task.Harness.Prepare(request.Size, seed, side == RunSide.Baseline ? baseline : candidate);
            var run = Task.Factory.StartNew(() => Measure(prepared), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                return await run.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return TimedRun.Failed(EvaluationStatus.Timeout, $"did not finish within {timeout.TotalSeconds:0.#} s");
            }
        }

        public ValueTask DisposeAsync()
        {
            context.Unload();
            return ValueTask.CompletedTask;
        }

        private static TimedRun Measure(IPreparedRun prepared)
        {
            try
            {
                long start = Stopwatch.GetTimestamp();
                var output = prepared.Run();
                double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
                return new TimedRun(output, seconds, null, "");
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                return Failure(ex.InnerException);
            }
#pragma warning disable CA1031 // Whatever candidate code throws is a crash of that candidate, not of the host.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                return Failure(ex);
            }
        }

        private static TimedRun Failure(Exception ex) => ex is OutOfMemoryException
            ? TimedRun.Failed(EvaluationStatus.OutOfMemory, ex.GetType().Name + ": " + ex.Message)
            : TimedRun.Failed(EvaluationStatus.Crash, $"{ex.GetType().Name}: {ex.Message}{FirstFrame(ex)}");

        private static string FirstFrame(Exception ex)
        {
            var frame = ex.StackTrace?.Split('\n').FirstOrDefault(l => l.Contains("candidate.cs", StringComparison.Ordinal));
            return frame is null ? "" : " " + frame.Trim();
        }
    }
}
