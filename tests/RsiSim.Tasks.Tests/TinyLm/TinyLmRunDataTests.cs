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
        Assert.NotEqual(TinyLmRunData.HeldOutFor(TinyLmSize.Small, 5).Targets, TinyLmRunData.HeldOutFor(TinyLmSize.Small, 6).Targets);
    }

    [Fact]
    public void A_run_rebuilt_from_its_input_is_the_same_run()
    {
        var drawn = TinyLmRunData.Create(TinyLmSize.Small, 11);

        var rebuilt = TinyLmRunData.FromInput(TinyLmSize.Small, 11, drawn.ToInput());

        Assert.Equal(drawn.InitialWeights.InputWeights, rebuilt.InitialWeights.InputWeights);
        Assert.Equal(drawn.InitialWeights.OutputWeights, rebuilt.InitialWeights.OutputWeights);
        Assert.Equal(drawn.LearningRates, rebuilt.LearningRates);
        Assert.Equal(drawn.Batches.Count, rebuilt.Batches.Count);
        Assert.All(Enumerable.Range(0, drawn.Batches.Count), s => Assert.Equal(drawn.Batches[s], rebuilt.Batches[s], (x, y) => x.Contexts.SequenceEqual(y.Contexts) && x.Targets.SequenceEqual(y.Targets)));
    }

    [Fact]
    public void An_input_of_another_size_is_refused()
    {
        var input = TinyLmRunData.Create(TinyLmSize.Tiny, 1).ToInput();

        var refused = Assert.Throws<ArgumentException>(() => TinyLmRunData.FromInput(TinyLmSize.Small, 1, input));
        Assert.Contains("tinylm's runs at small", refused.Message, StringComparison.Ordinal);
    }

    // Checksums of texts drawn by the first implementation, which built each sentence as a string and looked its characters
    // up: every run's data comes from these texts, so a faster drawing must give the same ids, or every recorded result
    // and every landmark's speedup would be measured on another task.
    [Theory]
    [InlineData(50_000, 1UL, 0x1353F7488D8902ACUL)]
    [InlineData(4_096, 20_260_401UL, 0x4770AC4D3513CEE7UL)]
    [InlineData(13, 7UL, 0x201660530E955033UL)]
    [InlineData(200_000, 42UL, 0x45DCC6090AC27398UL)]
    public void The_language_draws_the_same_text_as_ever(int length, ulong seed, ulong checksum)
    {
        int[] text = TinyLmLanguage.Sample(length, seed);

        ulong hash = 14_695_981_039_346_656_037UL;
        foreach (int id in text)
        {
            hash = (hash ^ (ulong)id) * 1_099_511_628_211UL;
        }
        Assert.Equal(length, text.Length);
        Assert.Equal(checksum, hash);
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

        var heldOut = TinyLmRunData.HeldOutFor(TinyLmSize.Small, 3);
        double before = TinyLmScorer.Loss(data.Config, data.InitialWeights, heldOut);
        double after = TinyLmScorer.Loss(data.Config, result.Weights, heldOut);

        Assert.True(after < before * 0.8, $"held-out loss went from {before} to {after}");
    }
}
