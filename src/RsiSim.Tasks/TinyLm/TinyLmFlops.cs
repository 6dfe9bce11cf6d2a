using RsiSim.Contracts.TinyLm;

namespace RsiSim.Tasks.TinyLm;

/// <summary>The floating-point operations one tinylm run needs, counted from its sizes (see docs/tinylm.md).</summary>
/// <remarks>
/// This counts the work of the model, not of the reference's way of doing it: the input layer is an embedding
/// lookup (Context row additions), not the one-hot product. A multiply-add counts as 2, tanh and exp as 1 each.
/// </remarks>
public static class TinyLmFlops
{
    public static double PerStep(TinyLmConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        double b = config.BatchSize, k = config.Context, v = config.Vocabulary, h = config.Hidden;
        double forwardHidden = b * h * k + b * h;   // sum Context embedding rows plus the bias
        double tanh = b * h;
        double logits = 2 * b * h * v + b * v;      // hidden x output weights, plus bias
        double softmax = 3 * b * v;                 // exp, sum, divide
        double logitGrad = 2 * b * v;               // subtract the one-hot target, scale by 1/batch
        double outputGrad = 2 * b * h * v + b * v;  // hidden^T x logit gradient, plus bias gradient
        double hiddenGrad = 2 * b * h * v;          // logit gradient x output weights^T
        double tanhGrad = 3 * b * h;                // g * (1 - a * a)
        double inputGrad = b * k * h + b * h;       // scatter-add into Context rows, plus bias gradient
        double parameters = k * v * h + h + h * v + v;
        double update = 4 * parameters;             // v = m * v + g; w -= lr * v
        return forwardHidden + tanh + logits + softmax + logitGrad + outputGrad + hiddenGrad + tanhGrad + inputGrad + update;
    }

    public static double PerRun(TinyLmConfig config) => PerStep(config) * config.Steps;
}
