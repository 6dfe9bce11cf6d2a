namespace RsiSim.Evaluation.Running;

/// <summary>Which of the two programs of a session runs: the reference or the candidate.</summary>
public enum RunSide
{
    Baseline,
    Candidate,
}
