using RsiSim.Core.Evaluations;

namespace RsiSim.Evaluation.Timing;

/// <summary>Folds the checks of many runs into one verdict per check: passed only if it passed every time, with the worst value.</summary>
internal sealed class CheckAggregate
{
    private readonly Dictionary<string, CheckResult> _worst = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    public bool AllPassed => _worst.Values.All(c => c.Passed);

    public IReadOnlyList<CheckResult> Results => [.. _order.Select(n => _worst[n])];

    public CheckResult? FirstFailure => Results.FirstOrDefault(c => !c.Passed);

    public void Add(IEnumerable<CheckResult> checks, string runLabel)
    {
        foreach (var check in checks)
        {
            var labelled = check.Passed ? check : check with { Detail = $"{check.Detail} [{runLabel}]" };
            if (!_worst.TryGetValue(check.Name, out var previous))
            {
                _order.Add(check.Name);
                _worst[check.Name] = labelled;
            }
            else if (previous.Passed && !labelled.Passed || previous.Passed == labelled.Passed && (labelled.Value ?? 0) > (previous.Value ?? 0))
            {
                _worst[check.Name] = labelled;
            }
        }
    }
}
