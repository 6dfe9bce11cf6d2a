using RsiSim.Core.Runs;
using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads the top-level mapping of a scenario, every section in turn, so that all errors are reported at once.</summary>
internal static class ScenarioReader
{
    public const ulong DefaultSeed = 42;

    private static readonly string[] Keys = ["name", "task", "seed", "trials", "parallel", "budget", "measurement", "loop", "timing", "arms"];
    private static readonly string[] Measurements = ["live", "cached"];
    private static readonly Bounds<long> Trials = new(1, 1000);
    private static readonly Bounds<long> Parallel = new(1, 64);

    public static Scenario? Read(YamlMappingNode node, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = MappingSection.Root(node, context.Diagnostics);
        root.RejectUnknownKeys(Keys);
        var name = root.Require("name", "the scenario's name, e.g. name: quickstart") is { } n ? context.Scalars.Name(n, "name") : null;
        var task = root.Require("task", "the task to optimise, e.g. task: { id: tinylm, size: small }") is { } t ? TaskSection.Read(t, context) : null;
        var seed = root.Find("seed") is { } s ? context.Numbers.Unsigned(s, "seed") : DefaultSeed;
        var trials = root.Find("trials") is { } tr ? context.Numbers.WholeNumber(tr, "trials", Trials) : 1;
        var parallelNode = root.Find("parallel");
        var parallel = parallelNode is null ? 1 : context.Numbers.WholeNumber(parallelNode, "parallel", Parallel);
        var budget = root.Require("budget", "what a trial may spend, e.g. budget: { attempts: 40, wall: 5m }") is { } b ? BudgetSection.Read(b, context) : null;
        var measurement = root.Find("measurement") is { } m ? context.Scalars.Choice(m, "measurement", "measurement mode", Measurements) : "live";
        var loop = root.Find("loop") is { } l ? LoopSection.Read(l, context) : new LoopOptions();
        var timingNode = root.Find("timing");
        var timing = timingNode is null ? new TimedPairs() : TimingSection.Read(timingNode, context);
        if (timingNode is not null && measurement == "cached")
        {
            context.Diagnostics.Error("timing", timingNode.Start,
                "timing applies to live measurement; cached measurement times by the landscape's own method (leave timing out, or set measurement: live)");
        }
        var arms = root.Require("arms", "the agents to compare, e.g. arms: [{ name: greedy, agent: greedy }]") is { } a ? ArmsSection.Read(a, context) : null;
        if (parallelNode is not null && parallel > 1 && trials is { } trialCount && arms is { } armList && parallel > trialCount * armList.Length)
        {
            context.Diagnostics.Warning("parallel", parallelNode.Start,
                $"parallel {parallel} is more than the {trialCount * armList.Length} trials to run (arms × trials); the extra slots stay idle");
        }
        if (context.Diagnostics.HasErrors || name is null || task is null || seed is null || trials is null || parallel is null
            || budget is null || measurement is null || loop is null || timing is null || arms is null)
        {
            return null;
        }
        return new Scenario
        {
            Name = name,
            TaskId = task.Value.Task.Id,
            Size = task.Value.Size,
            Seed = seed.Value,
            Trials = (int)trials.Value,
            Parallel = (int)parallel.Value,
            Budget = budget,
            Measurement = measurement == "cached" ? MeasurementMode.Cached : MeasurementMode.Live,
            Loop = loop,
            Timing = timing,
            Arms = arms.Value,
        };
    }
}
