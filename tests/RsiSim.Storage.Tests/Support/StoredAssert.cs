using RsiSim.Core.Attempts;
using RsiSim.Core.Evaluations;
using RsiSim.Core.Runs;
using RsiSim.Storage.Reading;

namespace RsiSim.Storage.Tests.Support;

/// <summary>Field-by-field comparisons of what was written with what was read back.</summary>
internal static class StoredAssert
{
    public static void Same(AttemptCompleted written, StoredAttempt read)
    {
        Assert.Equal(written.Trial, read.Trial);
        Same(written.Attempt, read.Record);
        Assert.Equal(written.RandomState, read.RandomState);
        Same(written.Evaluation, read.Evaluation);
    }

    public static void Same(AttemptRecord expected, AttemptRecord actual)
    {
        Assert.Equal(expected.Index, actual.Index);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.CandidateHash, actual.CandidateHash);
        Assert.Equal(expected.ParentHash, actual.ParentHash);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Moves, actual.Moves);
        Assert.Equal(expected.Speedup, actual.Speedup);
        Assert.Equal(expected.BestSpeedup, actual.BestSpeedup);
        Assert.Equal(expected.Detail, actual.Detail);
        Assert.Equal(expected.Usage, actual.Usage);
        Assert.Equal(expected.Spent, actual.Spent);
    }

    public static void Same(EvaluationResult? expected, EvaluationResult? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }
        Assert.NotNull(actual);
        Assert.Equal(expected.Status, actual.Status);
        Assert.Equal(expected.Summary, actual.Summary);
        Assert.Equal(expected.Checks, actual.Checks);
        Assert.Equal(expected.Diagnostics, actual.Diagnostics);
        Assert.Equal(expected.Output, actual.Output);
        Assert.Equal(expected.FromCache, actual.FromCache);
        Assert.Equal(expected.Timing is null, actual.Timing is null);
        if (expected.Timing is { } timing)
        {
            Assert.Equal(timing.Speedup, actual.Timing!.Speedup);
            Assert.Equal(timing.Low, actual.Timing.Low);
            Assert.Equal(timing.High, actual.Timing.High);
            Assert.Equal(timing.BaselineSeconds, actual.Timing.BaselineSeconds);
            Assert.Equal(timing.CandidateSeconds, actual.Timing.CandidateSeconds);
        }
    }
}
