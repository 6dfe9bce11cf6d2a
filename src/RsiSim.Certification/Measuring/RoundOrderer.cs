using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RsiSim.Certification.Measuring;

/// <summary>Runs a round's programs in the order given, instead of BenchmarkDotNet's own (by parameter value: here a hash).</summary>
internal sealed class RoundOrderer(IReadOnlyList<string> order) : IOrderer
{
    private readonly List<string> _order = [.. order];

    public bool SeparateLogicalGroups => false;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        benchmarksCase.OrderBy(Position);

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) => benchmarksCases.OrderBy(Position);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => null;

    public string GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) => "round";

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        logicalGroups;

    private int Position(BenchmarkCase benchmarkCase) =>
        _order.IndexOf((string)benchmarkCase.Parameters[nameof(TrainingRunBenchmark.Program)]) is var i and >= 0 ? i : int.MaxValue;
}
