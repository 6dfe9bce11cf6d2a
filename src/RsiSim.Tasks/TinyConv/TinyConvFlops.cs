using RsiSim.Contracts.TinyConv;

namespace RsiSim.Tasks.TinyConv;

/// <summary>The floating-point operations one tinyconv run needs, counted from its sizes (see docs/tinyconv.md).</summary>
/// <remarks>
/// This counts the work of the model, not of the reference's way of doing it: the backward pass does not convolve
/// again. A multiply-add counts as 2; a maximum, an exp, a comparison and a divide count as 1 each.
/// </remarks>
public static class TinyConvFlops
{
    public static double PerStep(TinyConvConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        double b = config.BatchSize, f = config.Filters, w = config.Width, c = config.Classes, t = config.Positions;
        double convolution = 2 * f * t * w + f * t;   // taps, plus the bias
        double relu = f * t;
        double pooling = f * t + f;                   // sum over time, divide by Positions
        double dense = 2 * f * c + c;
        double softmax = 3 * c;                       // exp, sum, divide
        double logitGrad = 2 * c;                     // subtract the one-hot label, scale by 1/batch
        double denseGrad = 2 * f * c + c;             // outer product with the pooled features, plus bias gradient
        double pooledGrad = 2 * f * c + f;            // logit gradient x dense weights^T, divided by Positions
        double reluGrad = f * t;                      // masked by where the ReLU was open
        double kernelGrad = 2 * f * t * w + f * t;    // correlate with the signal, plus bias gradient
        double parameters = f * w + f + f * c + c;
        double update = 4 * parameters;               // v = m * v + g; w -= lr * v
        double perSample = convolution + relu + pooling + dense + softmax + logitGrad + denseGrad + pooledGrad + reluGrad + kernelGrad;
        return b * perSample + update;
    }

    public static double PerRun(TinyConvConfig config) => PerStep(config) * config.Steps;
}
