using RsiSim.Core.Agents;
using RsiSim.Core.Tasks;
using RsiSim.Scenarios.Values;

namespace RsiSim.Scenarios.Sections;

/// <summary>What every section reader needs: the catalogs names are checked against, the value readers and the diagnostics.</summary>
internal sealed class SectionContext
{
    public SectionContext(ITaskCatalog tasks, IAgentCatalog agents, ScenarioDiagnostics diagnostics)
    {
        Tasks = tasks;
        Agents = agents;
        Diagnostics = diagnostics;
        Scalars = new ScalarReader(diagnostics);
        Numbers = new NumberReader(Scalars);
        Collections = new CollectionReader(Scalars, Numbers);
    }

    public ITaskCatalog Tasks { get; }

    public IAgentCatalog Agents { get; }

    public ScenarioDiagnostics Diagnostics { get; }

    public ScalarReader Scalars { get; }

    public NumberReader Numbers { get; }

    public CollectionReader Collections { get; }
}
