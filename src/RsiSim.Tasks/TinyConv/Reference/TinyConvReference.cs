// tinyconv, first version: a small 1-D convolutional classifier trained with minibatch SGD and momentum.
//
// Each sample is a single-channel signal. Filters slide over it (a valid convolution: no padding), a bias and a
// ReLU follow, each filter's activations are averaged over time (global average pooling), and a dense layer maps
// the pooled features to class scores; the loss is softmax cross-entropy. The harness hands over the batches and
// the learning rate of every step, and scores the weights this class exports.
//
// Written for clarity, not speed: one sample at a time, scalar loops over jagged arrays, a fresh array for every
// intermediate result, and a backward pass that convolves the signal again to find where the ReLU was open. This
// one file is the whole candidate: agents edit it, and it is also compiled into RsiSim.Tasks so that tests can
// call the reference directly.
using RsiSim.Contracts.TinyConv;
using Real = double; // the precision of the model's arithmetic

namespace RsiSim.Tasks.TinyConv.Reference;

/// <summary>The tinyconv reference implementation: correct, clear and slow.</summary>
public sealed class TinyConvModel : ITinyConvModel
{
    private TinyConvConfig _config = null!;

    // Parameters and their momentum velocities.
    private Grid _kernels = null!;       // [Filters, Width]
    private Real[] _kernelBias = null!;  // [Filters]
    private Grid _dense = null!;         // [Filters, Classes]
    private Real[] _denseBias = null!;   // [Classes]
    private Grid _kernelVelocity = null!;
    private Real[] _kernelBiasVelocity = null!;
    private Grid _denseVelocity = null!;
    private Real[] _denseBiasVelocity = null!;

    public void Initialize(TinyConvConfig config, TinyConvWeights initial)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(initial);
        _config = config;
        _kernels = Grid.FromArray(initial.Kernels, config.Filters, config.Width);
        _kernelBias = Grid.ToReal(initial.KernelBias);
        _dense = Grid.FromArray(initial.DenseWeights, config.Filters, config.Classes);
        _denseBias = Grid.ToReal(initial.DenseBias);
        _kernelVelocity = new Grid(config.Filters, config.Width);
        _kernelBiasVelocity = new Real[config.Filters];
        _denseVelocity = new Grid(config.Filters, config.Classes);
        _denseBiasVelocity = new Real[config.Classes];
    }

    public double TrainStep(TinyConvBatch batch, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var grads = new Gradients(_config);
        double total = 0;
        for (int b = 0; b < _config.BatchSize; b++)
        {
            total += TrainSample(batch, b, grads);
        }
        ApplyUpdate(grads, (Real)learningRate);
        return total / _config.BatchSize;
    }

    public TinyConvWeights ExportWeights() =>
        new(_kernels.ToArray(), Grid.ToDouble(_kernelBias), _dense.ToArray(), Grid.ToDouble(_denseBias));

    // Forward and backward pass of sample b: adds its share of the mean loss's gradient to grads, returns its loss.
    private double TrainSample(TinyConvBatch batch, int b, Gradients grads)
    {
        Real[] signal = Signal(batch, b);
        Grid activations = Relu(Convolve(signal));
        Real[] pooled = Pool(activations);
        Real[] probabilities = Softmax(Dense(pooled));
        int label = batch.Labels[b];
        Real[] logitGrad = LogitGradient(probabilities, label);
        AccumulateDenseGradient(grads, pooled, logitGrad);
        AccumulateConvGradient(grads, signal, PooledGradient(logitGrad));
        return -Math.Log((double)probabilities[label]);
    }

    private Real[] Signal(TinyConvBatch batch, int b)
    {
        var signal = new Real[_config.Length];
        for (int i = 0; i < _config.Length; i++)
        {
            signal[i] = (Real)batch.Signals[b * _config.Length + i];
        }
        return signal;
    }

    // pre[f, t] = bias[f] + sum over w of kernels[f, w] * signal[t + w], for every position of a valid convolution.
    private Grid Convolve(Real[] signal)
    {
        var pre = new Grid(_config.Filters, _config.Positions);
        for (int f = 0; f < _config.Filters; f++)
        {
            for (int t = 0; t < _config.Positions; t++)
            {
                Real sum = _kernelBias[f];
                for (int w = 0; w < _config.Width; w++)
                {
                    sum += _kernels[f, w] * signal[t + w];
                }
                pre[f, t] = sum;
            }
        }
        return pre;
    }

    private static Grid Relu(Grid pre)
    {
        var activations = new Grid(pre.Rows, pre.Cols);
        for (int f = 0; f < pre.Rows; f++)
        {
            for (int t = 0; t < pre.Cols; t++)
            {
                activations[f, t] = Real.Max(pre[f, t], 0);
            }
        }
        return activations;
    }

    // Global average pooling: each filter's mean activation over time.
    private static Real[] Pool(Grid activations)
    {
        var pooled = new Real[activations.Rows];
        for (int f = 0; f < activations.Rows; f++)
        {
            Real sum = 0;
            for (int t = 0; t < activations.Cols; t++)
            {
                sum += activations[f, t];
            }
            pooled[f] = sum / activations.Cols;
        }
        return pooled;
    }

    private Real[] Dense(Real[] pooled)
    {
        var logits = new Real[_config.Classes];
        for (int c = 0; c < _config.Classes; c++)
        {
            Real sum = _denseBias[c];
            for (int f = 0; f < _config.Filters; f++)
            {
                sum += pooled[f] * _dense[f, c];
            }
            logits[c] = sum;
        }
        return logits;
    }

    private static Real[] Softmax(Real[] logits)
    {
        Real max = Real.NegativeInfinity;
        foreach (Real logit in logits)
        {
            max = Real.Max(max, logit);
        }
        var probabilities = new Real[logits.Length];
        Real sum = 0;
        for (int c = 0; c < logits.Length; c++)
        {
            probabilities[c] = Real.Exp(logits[c] - max);
            sum += probabilities[c];
        }
        for (int c = 0; c < logits.Length; c++)
        {
            probabilities[c] /= sum;
        }
        return probabilities;
    }

    // Gradient of this sample's share of the mean cross-entropy with respect to its logits: (p - one-hot) / batch.
    private Real[] LogitGradient(Real[] probabilities, int label)
    {
        var grad = new Real[probabilities.Length];
        for (int c = 0; c < probabilities.Length; c++)
        {
            Real indicator = c == label ? 1 : 0;
            grad[c] = (probabilities[c] - indicator) / _config.BatchSize;
        }
        return grad;
    }

    private void AccumulateDenseGradient(Gradients grads, Real[] pooled, Real[] logitGrad)
    {
        for (int f = 0; f < _config.Filters; f++)
        {
            for (int c = 0; c < _config.Classes; c++)
            {
                grads.Dense[f, c] += pooled[f] * logitGrad[c];
            }
        }
        for (int c = 0; c < _config.Classes; c++)
        {
            grads.DenseBias[c] += logitGrad[c];
        }
    }

    // Gradient with respect to the pooled features: the logit gradient times the dense weights, transposed.
    private Real[] PooledGradient(Real[] logitGrad)
    {
        var grad = new Real[_config.Filters];
        for (int f = 0; f < _config.Filters; f++)
        {
            for (int c = 0; c < _config.Classes; c++)
            {
                grad[f] += logitGrad[c] * _dense[f, c];
            }
        }
        return grad;
    }

    // Back through the pooling (every position gets 1 / Positions of its filter's gradient), the ReLU (only where it
    // was open: the pre-activations are computed again to find out) and the convolution.
    private void AccumulateConvGradient(Gradients grads, Real[] signal, Real[] pooledGrad)
    {
        Grid pre = Convolve(signal);
        for (int f = 0; f < _config.Filters; f++)
        {
            for (int t = 0; t < _config.Positions; t++)
            {
                if (pre[f, t] <= 0)
                {
                    continue;
                }
                Real g = pooledGrad[f] / _config.Positions;
                grads.KernelBias[f] += g;
                for (int w = 0; w < _config.Width; w++)
                {
                    grads.Kernels[f, w] += g * signal[t + w];
                }
            }
        }
    }

    private void ApplyUpdate(Gradients grads, Real learningRate)
    {
        var momentum = (Real)_config.Momentum;
        Momentum(_kernels, _kernelVelocity, grads.Kernels, learningRate, momentum);
        Momentum(_kernelBias, _kernelBiasVelocity, grads.KernelBias, learningRate, momentum);
        Momentum(_dense, _denseVelocity, grads.Dense, learningRate, momentum);
        Momentum(_denseBias, _denseBiasVelocity, grads.DenseBias, learningRate, momentum);
    }

    private static void Momentum(Grid weights, Grid velocity, Grid grad, Real learningRate, Real momentum)
    {
        for (int r = 0; r < weights.Rows; r++)
        {
            for (int c = 0; c < weights.Cols; c++)
            {
                velocity[r, c] = momentum * velocity[r, c] + grad[r, c];
                weights[r, c] -= learningRate * velocity[r, c];
            }
        }
    }

    private static void Momentum(Real[] weights, Real[] velocity, Real[] grad, Real learningRate, Real momentum)
    {
        for (int i = 0; i < weights.Length; i++)
        {
            velocity[i] = momentum * velocity[i] + grad[i];
            weights[i] -= learningRate * velocity[i];
        }
    }
}

/// <summary>The gradient of one step's mean loss, summed sample by sample.</summary>
internal sealed class Gradients(TinyConvConfig config)
{
    public Grid Kernels { get; } = new(config.Filters, config.Width);

    public Real[] KernelBias { get; } = new Real[config.Filters];

    public Grid Dense { get; } = new(config.Filters, config.Classes);

    public Real[] DenseBias { get; } = new Real[config.Classes];
}

/// <summary>A two-dimensional array of the reference implementation: one array per row.</summary>
internal sealed class Grid
{
    private readonly Real[][] _rows;

    public Grid(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        _rows = new Real[rows][];
        for (int r = 0; r < rows; r++)
        {
            _rows[r] = new Real[cols];
        }
    }

    public int Rows { get; }

    public int Cols { get; }

    public Real this[int row, int col]
    {
        get => _rows[row][col];
        set => _rows[row][col] = value;
    }

    public static Grid FromArray(double[] values, int rows, int cols)
    {
        var grid = new Grid(rows, cols);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                grid[r, c] = (Real)values[r * cols + c];
            }
        }
        return grid;
    }

    public double[] ToArray()
    {
        var values = new double[Rows * Cols];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                values[r * Cols + c] = (double)this[r, c];
            }
        }
        return values;
    }

    public static Real[] ToReal(double[] values) => [.. values.Select(v => (Real)v)];

    public static double[] ToDouble(Real[] values) => [.. values.Select(v => (double)v)];
}
