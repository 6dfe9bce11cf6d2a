using RsiSim.Core.Randomness;

namespace RsiSim.Tasks.TinyConv;

/// <summary>The synthetic signals tinyconv classifies: each class a mixture of two sinusoids and a shapelet, plus noise.</summary>
/// <remarks>
/// A run's seed draws its classes (frequencies, amplitudes and a short windowed shape per class); every sample then
/// draws its class, fresh phases and amplitude jitter, the place of its shapelet and Gaussian noise from the stream
/// it is given. Training and held-out signals of one seed share the classes and nothing else. Nothing is downloaded.
/// </remarks>
public sealed class TinyConvSignals
{
    private const double NoiseLevel = 0.4;
    private readonly int _length;
    private readonly ClassShape[] _classes;

    private TinyConvSignals(int length, ClassShape[] classes)
    {
        _length = length;
        _classes = classes;
    }

    /// <summary>Draws <paramref name="classes"/> class shapes for signals of <paramref name="length"/> values.</summary>
    public static TinyConvSignals Create(int length, int classes, ulong seed)
    {
        var random = new SplitMix64(seed);
        int shapeletLength = Math.Max(4, length / 12);
        var shapes = new ClassShape[classes];
        for (int c = 0; c < classes; c++)
        {
            double[] frequencies = [Uniform(random, length / 32.0, length / 6.0), Uniform(random, length / 32.0, length / 6.0)];
            double[] amplitudes = [Uniform(random, 0.4, 1.0), Uniform(random, 0.4, 1.0)];
            var shapelet = new double[shapeletLength];
            for (int i = 0; i < shapeletLength; i++)
            {
                double window = Math.Sin(Math.PI * (i + 0.5) / shapeletLength);
                shapelet[i] = 1.5 * window * random.NextGaussian();
            }
            shapes[c] = new ClassShape(frequencies, amplitudes, shapelet);
        }
        return new TinyConvSignals(length, shapes);
    }

    /// <summary>Draws <paramref name="count"/> labelled signals, row-major, from <paramref name="random"/>.</summary>
    public (double[] Signals, int[] Labels) Draw(int count, SplitMix64 random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var signals = new double[count * _length];
        var labels = new int[count];
        for (int s = 0; s < count; s++)
        {
            labels[s] = random.NextInt(_classes.Length);
            Write(_classes[labels[s]], random, signals.AsSpan(s * _length, _length));
        }
        return (signals, labels);
    }

    private static void Write(ClassShape shape, SplitMix64 random, Span<double> signal)
    {
        for (int k = 0; k < shape.Frequencies.Length; k++)
        {
            double phase = 2 * Math.PI * random.NextDouble();
            double amplitude = shape.Amplitudes[k] * Uniform(random, 0.8, 1.2);
            double step = 2 * Math.PI * shape.Frequencies[k] / signal.Length;
            for (int t = 0; t < signal.Length; t++)
            {
                signal[t] += amplitude * Math.Sin(step * t + phase);
            }
        }
        int offset = random.NextInt(signal.Length - shape.Shapelet.Length + 1);
        for (int i = 0; i < shape.Shapelet.Length; i++)
        {
            signal[offset + i] += shape.Shapelet[i];
        }
        for (int t = 0; t < signal.Length; t++)
        {
            signal[t] += NoiseLevel * random.NextGaussian();
        }
    }

    private static double Uniform(SplitMix64 random, double low, double high) => low + (high - low) * random.NextDouble();

    private sealed record ClassShape(double[] Frequencies, double[] Amplitudes, double[] Shapelet);
}
