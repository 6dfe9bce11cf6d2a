using RsiSim.Tasks.TinyConv;

namespace RsiSim.Tasks.Tests.TinyConv;

public sealed class TinyConvRunDataTests
{
    [Fact]
    public void The_same_seed_draws_the_same_run_and_another_seed_a_different_one()
    {
        var a = TinyConvRunData.Create(TinyConvSize.Small, 5);
        var b = TinyConvRunData.Create(TinyConvSize.Small, 5);
        var c = TinyConvRunData.Create(TinyConvSize.Small, 6);

        Assert.Equal(a.Batches[3].Signals, b.Batches[3].Signals);
        Assert.Equal(a.InitialWeights.Kernels, b.InitialWeights.Kernels);
        Assert.NotEqual(a.Batches[3].Signals, c.Batches[3].Signals);
        Assert.NotEqual(TinyConvRunData.HeldOutFor(TinyConvSize.Small, 5).Signals, TinyConvRunData.HeldOutFor(TinyConvSize.Small, 6).Signals);
    }

    [Fact]
    public void A_run_rebuilt_from_its_input_is_the_same_run()
    {
        var drawn = TinyConvRunData.Create(TinyConvSize.Small, 11);

        var rebuilt = TinyConvRunData.FromInput(TinyConvSize.Small, drawn.ToInput());

        Assert.Equal(drawn.InitialWeights.Kernels, rebuilt.InitialWeights.Kernels);
        Assert.Equal(drawn.InitialWeights.DenseWeights, rebuilt.InitialWeights.DenseWeights);
        Assert.Equal(drawn.LearningRates, rebuilt.LearningRates);
        Assert.Equal(drawn.Batches.Select(b => b.Signals), rebuilt.Batches.Select(b => b.Signals));
        Assert.Equal(drawn.Batches.Select(b => b.Labels), rebuilt.Batches.Select(b => b.Labels));
    }

    [Fact]
    public void An_input_of_another_size_is_refused()
    {
        var input = TinyConvRunData.Create(TinyConvSize.Tiny, 1).ToInput();

        Assert.Throws<ArgumentException>(() => TinyConvRunData.FromInput(TinyConvSize.Small, input));
    }

    [Fact]
    public void Held_out_signals_are_none_of_the_training_signals()
    {
        var data = TinyConvRunData.Create(TinyConvSize.Tiny, 4);
        int length = data.Config.Length;
        var training = data.Batches.SelectMany(b => b.Signals.Chunk(length)).Select(s => s[0]).ToHashSet();

        Assert.DoesNotContain(TinyConvRunData.HeldOutFor(TinyConvSize.Tiny, 4).Signals.Chunk(length), s => training.Contains(s[0]));
    }

    [Fact]
    public void Every_batch_has_its_shape_and_every_label_is_a_class()
    {
        var data = TinyConvRunData.Create(TinyConvSize.Small, 9);
        var config = data.Config;

        Assert.Equal(config.Steps, data.Batches.Count);
        Assert.All(data.Batches, b => Assert.Equal(config.BatchSize * config.Length, b.Signals.Length));
        Assert.All(data.Batches, b => Assert.All(b.Labels, label => Assert.InRange(label, 0, config.Classes - 1)));
        Assert.Equal(config.Classes, data.Batches.SelectMany(b => b.Labels).Distinct().Count());
    }

    [Fact]
    public void The_reference_learns_to_tell_the_classes_apart()
    {
        var data = TinyConvRunData.Create(TinyConvSize.Small, 3);
        var result = TinyConvRunner.Run(() => new RsiSim.Tasks.TinyConv.Reference.TinyConvModel(), data, TinyConvRunner.PrepareInitialWeights(data));

        var heldOut = TinyConvRunData.HeldOutFor(TinyConvSize.Small, 3);
        double before = TinyConvScorer.Loss(data.Config, data.InitialWeights, heldOut);
        double after = TinyConvScorer.Loss(data.Config, result.Weights, heldOut);

        // From about chance (ln 4 = 1.39) 32 steps at a rate the checks can follow take off about a tenth.
        Assert.True(after < before * 0.95, $"held-out loss went from {before} to {after}");
    }

    [Fact]
    public void The_harness_scores_what_the_reference_reports()
    {
        // A step reports the loss before its update: the loss of the initial weights on its batch, as the harness scores it.
        var data = TinyConvRunData.Create(TinyConvSize.Tiny, 8);
        var model = new RsiSim.Tasks.TinyConv.Reference.TinyConvModel();
        model.Initialize(data.Config, TinyConvRunner.PrepareInitialWeights(data));

        double reported = model.TrainStep(data.Batches[0], data.LearningRates[0]);

        Assert.Equal(TinyConvScorer.Loss(data.Config, data.InitialWeights, data.Batches[0]), reported, 12);
    }
}
