using System.Collections.Immutable;
using RsiSim.Core.Agents;
using RsiSim.Core.Arms;
using RsiSim.Scenarios.Values;
using YamlDotNet.RepresentationModel;

namespace RsiSim.Scenarios.Sections;

/// <summary>Reads <c>arms:</c>, a non-empty list of arms, each with a unique name, a known agent and that agent's options.</summary>
internal static class ArmsSection
{
    public static ImmutableArray<ArmDefinition>? Read(YamlNode node, SectionContext context)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(context);
        if (node is not YamlSequenceNode list)
        {
            context.Diagnostics.Error("arms", node.Start, $"expected a list of arms (each '- name: ..., agent: ...'), found {NodeText.Describe(node)}");
            return null;
        }
        if (list.Children.Count == 0)
        {
            context.Diagnostics.Error("arms", node.Start, "at least one arm is required");
            return null;
        }
        var namesSeen = new Dictionary<string, (string Name, string Path)>(StringComparer.OrdinalIgnoreCase);
        var arms = list.Children.Select((arm, i) => ReadArm(arm, YamlPaths.Index("arms", i), context, namesSeen)).ToList();
        return arms.Any(a => a is null) ? null : [.. arms.Select(a => a!)];
    }

    private static ArmDefinition? ReadArm(YamlNode node, string path, SectionContext context, Dictionary<string, (string Name, string Path)> namesSeen)
    {
        var arm = MappingSection.Open(node, path, "an arm: a mapping with name and agent", context.Diagnostics);
        if (arm is null)
        {
            return null;
        }
        var nameNode = arm.Require("name", "every arm needs a name, unique in the scenario");
        var name = nameNode is null ? null : context.Scalars.Name(nameNode, arm.PathOf("name"));
        if (name is not null && !namesSeen.TryAdd(name, (name, path)))
        {
            var first = namesSeen[name];
            var caseNote = first.Name == name ? "" : $" as '{first.Name}' (names are compared ignoring case)";
            context.Diagnostics.Error(arm.PathOf("name"), nameNode!.Start, $"duplicate arm name '{name}': {first.Path} has it already{caseNote}");
            name = null;
        }
        var agentNode = arm.Require("agent", "the kind of agent, e.g. greedy");
        var descriptor = agentNode is null ? null : FindAgent(agentNode, arm.PathOf("agent"), context);
        if (descriptor is null)
        {
            // Without the agent its options cannot be checked; reporting them all as unknown would only add noise.
            return null;
        }
        var options = ArmOptionReader.Read(arm, descriptor, context);
        var loopNode = arm.Find("loop");
        var loop = loopNode is null ? null : LoopSection.Read(loopNode, context, arm.PathOf("loop"));
        if (loopNode is not null && loop is null)
        {
            return null;
        }
        return name is null || options is null ? null : new ArmDefinition(name, descriptor.Name, options) { Loop = loop };
    }

    private static AgentDescriptor? FindAgent(YamlNode node, string path, SectionContext context) =>
        context.Scalars.Known(node, path, "agent", context.Agents.Find, context.Agents.All.Select(f => f.Descriptor.Name))?.Descriptor;
}
