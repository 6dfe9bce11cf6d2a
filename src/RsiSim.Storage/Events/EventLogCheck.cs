namespace RsiSim.Storage.Events;

/// <summary>How events.jsonl compares with the database it mirrors.</summary>
/// <param name="FileLines">Complete lines in the file.</param>
/// <param name="DatabaseEvents">Events recorded in the database.</param>
/// <param name="FileAttempts">Attempt events among the file's lines.</param>
/// <param name="DatabaseAttempts">Attempts recorded in the database.</param>
/// <param name="Problem">What is wrong (a partial last line, a corrupt line, missing events), or null when the file is intact.</param>
public sealed record EventLogCheck(int FileLines, int DatabaseEvents, int FileAttempts, int DatabaseAttempts, string? Problem)
{
    public bool Intact => Problem is null;
}
