namespace RsiSim.Tasks.Harness;

/// <summary>One prepared run. <see cref="Run"/> makes every call into candidate code, and nothing else: it is the timed region.</summary>
public interface IPreparedRun
{
    RunOutput Run();
}
