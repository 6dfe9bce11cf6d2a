using System.Reflection;
using RsiSim.Core.Evaluations;

namespace RsiSim.Tasks.Harness;

/// <summary>A task's trusted harness: binds a compiled candidate, prepares runs from seeds, and checks their outputs.</summary>
public interface ITaskHarness
{
    /// <summary>Finds the candidate's model type and returns a factory for it, or a sentence saying why it cannot.</summary>
    CandidateBinding Bind(Assembly candidate);

    /// <summary>Draws the data of one run from its seed. Nothing here is timed, nothing here calls candidate code.</summary>
    IPreparedRun Prepare(string size, ulong seed, Func<object> createModel);

    /// <summary>The checks of a candidate's run against the reference's run on the same seed.</summary>
    IReadOnlyList<CheckResult> Check(string size, ulong seed, RunOutput candidate, RunOutput reference);

    /// <summary>The part of the checks that needs only the reference's run on <paramref name="seed"/>, done as soon as
    /// that run is known (while its worker settles, before the candidate's run of the pair is back), so that
    /// <see cref="Check"/> finds it done. Nothing by default.</summary>
    void Anticipate(string size, ulong seed, RunOutput reference)
    {
    }
}
