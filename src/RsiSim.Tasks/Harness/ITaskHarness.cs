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

    /// <summary>Draws what a run on <paramref name="seed"/> is handed, for <see cref="Prepare(string, ulong, RunInput, Func{object})"/>
    /// to take: the host draws it once for both sides of a pair, while it compiles, instead of each worker drawing it between
    /// two timed runs. Null (the default) where the worker draws from the seed itself.</summary>
    RunInput? DrawInput(string size, ulong seed) => null;

    /// <summary>Prepares a run from what <see cref="DrawInput"/> drew for <paramref name="seed"/>: the same run as
    /// <see cref="Prepare(string, ulong, Func{object})"/> on that seed.</summary>
    /// <exception cref="ArgumentException">The input is not of this task and size.</exception>
    IPreparedRun Prepare(string size, ulong seed, RunInput input, Func<object> createModel) =>
        throw new NotSupportedException("this task's runs are drawn in the worker from their seeds");

    /// <summary>The checks of a candidate's run against the reference's run on the same seed.</summary>
    IReadOnlyList<CheckResult> Check(string size, ulong seed, RunOutput candidate, RunOutput reference);

    /// <summary>The part of the checks that needs only the reference's run on <paramref name="seed"/>, done as soon as
    /// that run is known (while its worker settles, before the candidate's run of the pair is back), so that
    /// <see cref="Check"/> finds it done. Nothing by default.</summary>
    void Anticipate(string size, ulong seed, RunOutput reference)
    {
    }
}
