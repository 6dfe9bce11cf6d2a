using System.Collections.Immutable;
using Microsoft.Extensions.Time.Testing;
using RsiSim.Core.Evaluations;

namespace RsiSim.Core.Tests.Support;

/// <summary>Evaluates a candidate by reading its speedup from its source ("speedup 2.5" / "wrong"), and advances fake time.</summary>
/// <remarks>The loop's logic is what these tests check; real compilation and timing are tested in the evaluation tests.</remarks>
internal sealed class ScriptedEvaluator(FakeTimeProvider? time = null, TimeSpan? perEvaluation = null) : IEvaluator
{
    public List<EvaluationRequest> Requests { get; } = [];

    /// <summary>Each hint the loop gave (<see cref="IEvaluator.Expect"/>), with how many evaluations had been asked for then.</summary>
    public List<(string Task, string Size, ulong HiddenSeed, int RequestsBefore)> Expected { get; } = [];

    public void Expect(string taskId, string size, ulong hiddenSeed) => Expected.Add((taskId, size, hiddenSeed, Requests.Count));

    /// <summary>Multiplies the speedup of confirmation (fresh) measurements, to model a lucky first measurement.</summary>
    public double ConfirmationFactor { get; set; } = 1.0;

    public ValueTask<EvaluationResult> EvaluateAsync(EvaluationRequest request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        time?.Advance(perEvaluation ?? TimeSpan.FromSeconds(1));
        string source = request.Candidate.Source;
        if (source.StartsWith("wrong", StringComparison.Ordinal))
        {
            return ValueTask.FromResult(EvaluationResult.Failed(EvaluationStatus.WrongResult, "check held-out-loss failed"));
        }
        double speedup = double.Parse(source.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture) * (request.Fresh ? ConfirmationFactor : 1.0);
        var timing = new SpeedupMeasurement(speedup, speedup * 0.95, speedup * 1.05, [1.0], [1.0 / speedup]);
        return ValueTask.FromResult(new EvaluationResult(EvaluationStatus.Passed, $"{speedup}x", [], ImmutableArray<CompileDiagnostic>.Empty, timing));
    }
}
