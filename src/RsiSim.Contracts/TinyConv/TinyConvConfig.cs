namespace RsiSim.Contracts.TinyConv;

/// <summary>The sizes and hyper-parameters of one tinyconv training run.</summary>
/// <param name="Length">Values per input signal.</param>
/// <param name="Filters">Convolution filters (output channels).</param>
/// <param name="Width">Taps per filter.</param>
/// <param name="Classes">Number of classes.</param>
/// <param name="BatchSize">Samples per training step.</param>
/// <param name="Steps">Training steps in one run.</param>
/// <param name="Momentum">Momentum of the SGD optimizer (velocity = momentum * velocity + gradient).</param>
public sealed record TinyConvConfig(int Length, int Filters, int Width, int Classes, int BatchSize, int Steps, double Momentum)
{
    /// <summary>Positions of the valid convolution: a filter's output at t reads inputs t to t + Width - 1.</summary>
    public int Positions => Length - Width + 1;
}
