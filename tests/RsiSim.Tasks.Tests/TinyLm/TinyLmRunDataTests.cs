using RsiSim.Tasks.TinyLm;

namespace RsiSim.Tasks.Tests.TinyLm;

public sealed class TinyLmRunDataTests
{
    [Fact]
    public void The_same_seed_draws_the_same_run_and_another_seed_a_different_one()
    {
        var a = TinyLmRunData.Create(TinyLmSize.Small, 5);
        var b = TinyLmRunData.Create(TinyLmSize.Small, 5);
        var c = TinyLmRunData.Create(TinyLmSize.Small, 6);

        Assert.Equal(a.Batches[3].Contexts, b.Batches[3].Contexts);
        Assert.Equal(a.InitialWeights.OutputWeights, b.InitialWeights.OutputWeights);
        Assert.NotEqual(a.Batches[3].Contexts, c.Batches[3].Contexts);
        Assert.NotEqual(a.HeldOut.Targets, c.HeldOut.Targets);
    }

    [Fact]
    public void Every_character_id_is_inside_the_vocabulary()
    {
        var data = TinyLmRunData.Create(TinyLmSize.Small, 9);

        Assert.All(data.Batches, b => Assert.All(b.Contexts.Concat(b.Targets), id => Assert.InRange(id, 0, TinyLmLanguage.Vocabulary - 1)));
    }

    [Fact]
    public void The_reference_learns_the_language()
    {
        var data = TinyLmRunData.Create(TinyLmSize.Small, 3);
        var result = TinyLmRunner.Run(() => new RsiSim.Tasks.TinyLm.Reference.TinyLmModel(), data, TinyLmRunner.PrepareInitialWeights(data));

        double before = TinyLmScorer.Loss(data.Config, data.InitialWeights, data.HeldOut);
        double after = TinyLmScorer.Loss(data.Config, result.Weights, data.HeldOut);

        Assert.True(after < before * 0.8, $"held-out loss went from {before} to {after}");
    }
}
