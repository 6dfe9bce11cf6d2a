using RsiSim.Core.Agents;

namespace RsiSim.Core.Tests.Support;

/// <summary>Proposes the sources it is given, in order (or random speedups from the trial's stream when it has none).</summary>
internal sealed class ScriptedAgent(params string[] sources) : IAgent
{
    public List<AgentContext> Contexts { get; } = [];

    public Func<AgentContext, Proposal>? Override { get; init; }

    public ValueTask<Proposal> ProposeAsync(AgentContext context, CancellationToken cancellationToken)
    {
        Contexts.Add(context);
        if (Override is not null)
        {
            return ValueTask.FromResult(Override(context));
        }
        string source = context.Attempt <= sources.Length
            ? sources[context.Attempt - 1]
            : $"speedup {0.5 + context.Random.NextDouble() * 3:0.000} #{context.Attempt}";
        return ValueTask.FromResult(Proposal.Candidate(source, $"attempt {context.Attempt}", new AgentUsage(100, 50, 0.01m, 30)));
    }
}
