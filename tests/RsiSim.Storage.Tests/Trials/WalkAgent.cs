using RsiSim.Core.Agents;

namespace RsiSim.Storage.Tests.Trials;

/// <summary>Proposes a variant drawn from the trial's random stream; stands in for a kill at a chosen attempt.</summary>
internal sealed class WalkAgent(CancellationTokenSource? kill = null, int killAt = 0) : IAgent
{
    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        int variant = context.Random.NextInt(1000);
        if (context.Attempt == killAt && kill is not null)
        {
            // The draw above is lost with the process; a resume must draw it again.
            kill.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }
        var usage = new AgentUsage(variant, variant % 17, variant / 1000m, variant % 5);
        return ValueTask.FromResult(variant % 7 == 0
            ? Proposal.EditFailed($"variant {variant} did not apply", usage)
            : Proposal.Candidate($"// variant {variant}\n", $"variant {variant}", usage, [$"v{variant % 3}"]));
    }
}
