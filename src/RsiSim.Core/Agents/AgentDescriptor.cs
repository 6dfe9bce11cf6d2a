using System.Collections.Immutable;
using RsiSim.Core.Options;

namespace RsiSim.Core.Agents;

/// <summary>An agent kind's name, one line on what it does, and the options its arms accept.</summary>
public sealed record AgentDescriptor(string Name, string Summary, ImmutableArray<OptionSpec> Options);
