using RsiSim.Core.Evaluations;
using RsiSim.Evaluation.Sandbox;

namespace RsiSim.Evaluation.Tests.Sandbox;

public sealed class WorkerDeathTests
{
    private const int KilledBySigkill = 128 + 9;

    [Fact]
    public void A_worker_killed_by_sigkill_while_the_memory_killer_acted_ran_out_of_memory()
    {
        var reply = WorkerDeath.Classify(KilledBySigkill, "", memoryKillerMayHaveActed: true);

        Assert.Equal(EvaluationStatus.OutOfMemory, reply.Failure);
    }

    [Fact]
    public void A_worker_killed_by_sigkill_when_the_memory_killer_did_not_act_crashed_and_the_detail_says_who_killed_it()
    {
        var reply = WorkerDeath.Classify(KilledBySigkill, "", memoryKillerMayHaveActed: false);

        Assert.Equal(EvaluationStatus.Crash, reply.Failure);
        Assert.Contains("killed (SIGKILL) by another process", reply.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_saying_out_of_memory_is_out_of_memory_whoever_else_acted()
    {
        var reply = WorkerDeath.Classify(KilledBySigkill, "Out of memory.", memoryKillerMayHaveActed: false);

        Assert.Equal(EvaluationStatus.OutOfMemory, reply.Failure);
    }
}
