using RsiSim.Core.Candidates;
using RsiSim.Core.Moves;
using RsiSim.Evaluation.Compilation;
using RsiSim.Evaluation.Policy;
using RsiSim.Tasks.TinyLm;

namespace RsiSim.Evaluation.Tests.Policy;

public sealed class CandidatePolicyTests
{
    private static IReadOnlyList<string> Check(string source) =>
        [.. CandidatePolicy.Default.Check(Programs.Compile(source)).Select(d => d.Id)];

    private static string InMethod(string body) => $$"""
        using System.Runtime.Intrinsics;
        using System.Runtime.CompilerServices;
        using System.Runtime.InteropServices;
        using System.Numerics.Tensors;

        public sealed unsafe class Probe
        {
            private double[] _buffer = new double[64];

            public void Run()
            {
        {{body}}
            }
        }
        """;

    [Fact]
    public void The_reference_passes_the_policy()
    {
        Assert.Empty(Check(TinyLmTask.Instance.ReferenceSource));
    }

    [Fact]
    public void Every_correct_move_each_landmark_and_a_sample_of_compositions_pass_the_policy()
    {
        var task = TinyLmTask.Instance;
        var library = task.Moves;
        var compositions = library.All.Where(m => m.Kind == MoveKind.Correct).Select(m => library.Closure(m.Id).ToArray())
            .Concat(task.Landmarks.Select(l => l.Moves.ToArray()))
            .Concat(SampledCompositions(library, count: 40))
            .ToList();
        foreach (var moves in compositions)
        {
            // Bound, not emitted: the policy reads the semantic model only.
            string source = task.Compose(moves);
            var violations = CandidatePolicy.Default.Check(CandidateCompiler.CreateCompilation(source, Candidate.HashOf(source)));
            Assert.True(violations.IsEmpty, $"[{string.Join(", ", moves)}]: {string.Join("; ", violations)}");
        }
    }

    [Fact]
    public void Wrong_moves_are_wrong_but_not_hostile_and_pass_the_policy()
    {
        var library = TinyLmTask.Instance.Moves;
        foreach (var wrong in library.All.Where(m => m.Kind == MoveKind.Wrong))
        {
            string source = TinyLmTask.Instance.Compose(library.Closure(wrong.Id));
            Assert.Empty(CandidatePolicy.Default.Check(CandidateCompiler.CreateCompilation(source, Candidate.HashOf(source))));
        }
    }

    // Random walks over correct moves from the reference (a seeded sample: all compositions are far too many).
    private static IEnumerable<string[]> SampledCompositions(MoveLibrary library, int count)
    {
        var random = new Random(20261127);
        for (int i = 0; i < count; i++)
        {
            var applied = new HashSet<string>(StringComparer.Ordinal);
            int steps = 1 + random.Next(20);
            for (int s = 0; s < steps; s++)
            {
                var options = library.Applicable(applied).Where(m => m.Kind == MoveKind.Correct).ToList();
                if (options.Count == 0)
                {
                    break;
                }
                applied.Add(options[random.Next(options.Count)].Id);
            }
            yield return [.. applied];
        }
    }
}
