using RsiSim.Core.Randomness;

namespace RsiSim.Core.Tests.Randomness;

/// <summary>Normal values drawn many at a time: the ones drawing them one at a time gives, to a few units in the last
/// place, from the same stream.</summary>
public sealed class GaussianFillTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(17)]
    [InlineData(12_345)]
    public void Filling_gives_the_values_drawn_one_at_a_time_and_leaves_the_stream_where_they_leave_it(int count)
    {
        var one = new SplitMix64(20261207);
        var many = new SplitMix64(20261207);
        var expected = new double[count];
        for (int i = 0; i < count; i++)
        {
            expected[i] = one.NextGaussian() * 0.125;
        }

        var actual = new double[count];
        many.NextGaussians(actual, 0.125);

        for (int i = 0; i < count; i++)
        {
            Assert.True(Math.Abs(actual[i] - expected[i]) <= 1e-14 * Math.Max(1, Math.Abs(expected[i])), $"value {i}: {actual[i]:R} against {expected[i]:R}");
        }
        Assert.Equal(one.State, many.State);
    }

    [Fact]
    public void The_same_seed_fills_the_same_values_to_the_bit()
    {
        var first = new double[1001];
        var second = new double[1001];

        new SplitMix64(7).NextGaussians(first, 1.0);
        new SplitMix64(7).NextGaussians(second, 1.0);

        Assert.Equal(first, second);
        Assert.InRange(first.Average(), -0.1, 0.1);
        Assert.InRange(Math.Sqrt(first.Select(x => x * x).Average()), 0.9, 1.1);
    }
}
