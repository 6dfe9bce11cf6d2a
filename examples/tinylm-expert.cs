// Moves applied to the reference: flat-arrays, float32, loop-order-ikj, skip-zero-rows, span-matmul, simd-matmul, unchecked-matmul, parallel-matmul, blocked-matmul, embedding-lookup, sparse-input-gradient, reuse-activations, fused-bias-tanh, simd-embedding, parallel-forward-hidden, fused-softmax-cross-entropy, simd-softmax, parallel-softmax, no-transpose-copies, simd-transposed-product, parallel-transposed-product, simd-input-gradient, parallel-input-gradient-columns, pooled-buffers, flat-momentum-update, simd-momentum-update, parallel-momentum-update, two-pass-parallel-step, wide-register-blocks.
// tinylm, first version: a character-level language model trained with minibatch SGD and momentum.
//
// The previous Context characters are one-hot encoded and multiplied through a dense input layer, a tanh
// hidden layer follows, then a softmax over the vocabulary predicts the next character. The harness hands
// over the data and the learning rate of every step, and scores the weights this class exports.
//
// Written for clarity, not speed: a small matrix class with scalar loops over jagged arrays, and a fresh
// matrix for every intermediate result. This one file is the whole candidate: agents edit it, and it is
// also compiled into RsiSim.Tasks so that tests and benchmarks can call the reference directly.
using RsiSim.Contracts.TinyLm;
using System.Runtime.Intrinsics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics.Tensors;
using Real = float; // the precision of the model's arithmetic

namespace RsiSim.Tasks.TinyLm.Reference;

/// <summary>The tinylm reference implementation: correct, clear and slow.</summary>
public sealed class TinyLmModel : ITinyLmModel
{
    private TinyLmConfig _config = null!;

    // Parameters and their momentum velocities.
    private Matrix _inputWeights = null!;   // [Context * Vocabulary, Hidden]
    private Matrix _hiddenBias = null!;     // [1, Hidden]
    private Matrix _outputWeights = null!;  // [Hidden, Vocabulary]
    private Matrix _outputBias = null!;     // [1, Vocabulary]
    private Matrix _inputVelocity = null!;
    private Matrix _hiddenBiasVelocity = null!;
    private Matrix _outputVelocity = null!;
    private Matrix _outputBiasVelocity = null!;

    // What the current step computed: activations, then gradients.
    private Matrix _hiddenPre = null!;      // [Batch, Hidden], before tanh
    private Matrix _hidden = null!;         // [Batch, Hidden], after tanh
    private Matrix _probabilities = null!;  // [Batch, Vocabulary]
    private Matrix _hiddenGrad = null!;     // [Batch, Hidden], loss gradient with respect to _hidden
    private Matrix _inputGrad = null!;
    private Matrix _hiddenBiasGrad = null!;
    private Matrix _outputGrad = null!;
    private Matrix _outputBiasGrad = null!;

    public void Initialize(TinyLmConfig config, TinyLmWeights initial)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(initial);
        _config = config;
        _inputWeights = Matrix.FromArray(initial.InputWeights, config.InputSize, config.Hidden);
        _hiddenBias = Matrix.FromArray(initial.HiddenBias, 1, config.Hidden);
        _outputWeights = Matrix.FromArray(initial.OutputWeights, config.Hidden, config.Vocabulary);
        _outputBias = Matrix.FromArray(initial.OutputBias, 1, config.Vocabulary);
        _inputVelocity = new Matrix(config.InputSize, config.Hidden);
        _hiddenBiasVelocity = new Matrix(1, config.Hidden);
        _outputVelocity = new Matrix(config.Hidden, config.Vocabulary);
        _outputBiasVelocity = new Matrix(1, config.Vocabulary);
    }

    public double TrainStep(TinyLmBatch batch, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(batch);
        EnsureStepBuffers();
        int rows = _config.BatchSize;
        Parallel.For(0, Blocks(rows), block =>
            SamplePass(batch, block * BlockSize, Math.Min(rows, block * BlockSize + BlockSize)));

        GroupSamplesByInputRow(batch);
        var rate = (Real)learningRate;
        var momentum = (Real)_config.Momentum;
        int unitBlocks = Blocks(_config.Hidden);
        int inputBlocks = Blocks(_config.InputSize);
        Parallel.For(0, unitBlocks + inputBlocks + 1, item =>
        {
            if (item < unitBlocks)
            {
                OutputWeightsPass(item * BlockSize, Math.Min(_config.Hidden, item * BlockSize + BlockSize), rate, momentum);
            }
            else if (item < unitBlocks + inputBlocks)
            {
                int start = (item - unitBlocks) * BlockSize;
                InputWeightsPass(start, Math.Min(_config.InputSize, start + BlockSize), rate, momentum);
            }
            else
            {
                BiasPass(rate, momentum);
            }
        });

        double total = 0;
        foreach (double loss in _losses)
        {
            total += loss;
        }
        return total / rows;
    }

    public TinyLmWeights ExportWeights() =>
        new(_inputWeights.ToArray(), _hiddenBias.ToArray(), _outputWeights.ToArray(), _outputBias.ToArray());

    private void ForwardHidden(TinyLmBatch batch)
    {
        _hidden = Matrix.Create(_config.BatchSize, _config.Hidden);
        Parallel.For(0, _config.BatchSize, b => EmbedRow(batch, b));
    }

    private double ForwardOutput(TinyLmBatch batch)
    {
        Matrix logits = Matrix.Multiply(_hidden, _outputWeights);
        var losses = new double[logits.Rows];
        Parallel.For(0, logits.Rows, r => losses[r] = SoftmaxRow(logits.Row(r), batch.Targets[r], logits.Rows));
        _logitGrad = logits;
        double total = 0;
        foreach (double loss in losses)
        {
            total += loss;
        }
        return total / logits.Rows;
    }

    private void BackwardOutput(TinyLmBatch batch)
    {
        Matrix logitGrad = LogitGradient(batch.Targets);
        _outputGrad = Matrix.MultiplyTransposedA(_hidden, logitGrad);
        _outputBiasGrad = logitGrad.SumRows();
        _hiddenGrad = Matrix.Multiply(logitGrad, _outputWeights.Transpose());
    }

    private void BackwardHidden(TinyLmBatch batch)
    {
        _inputGrad = Matrix.Create(_config.InputSize, _config.Hidden);
        _hiddenBiasGrad = Matrix.Create(1, _config.Hidden);
        Parallel.For(0, _config.BatchSize, b => PreActivationGradient(b));
        int slices = Math.Max(1, _config.Hidden / 64);
        int width = (_config.Hidden + slices - 1) / slices;
        Parallel.For(0, slices, slice =>
        {
            int start = slice * width;
            int length = Math.Min(width, _config.Hidden - start);
            Span<Real> biasGrad = _hiddenBiasGrad.Row(0).Slice(start, length);
            for (int b = 0; b < _config.BatchSize; b++)
            {
                ReadOnlySpan<Real> grad = _hiddenGrad.Row(b).Slice(start, length);
                TensorPrimitives.Add(biasGrad, grad, biasGrad);
                for (int p = 0; p < _config.Context; p++)
                {
                    Span<Real> row = _inputGrad.Row(p * _config.Vocabulary + batch.Contexts[b * _config.Context + p]).Slice(start, length);
                    TensorPrimitives.Add(row, grad, row);
                }
            }
        });
    }

    // d tanh(z) / dz = 1 - tanh(z)^2, and tanh(z) is the stored activation.
    private Matrix HiddenPreGradient() =>
        _hiddenGrad.Zip(_hidden, (g, a) => g * (1 - a * a));

    private void ApplyUpdate(Real learningRate)
    {
        var momentum = (Real)_config.Momentum;
        Parallel.Invoke(
            () => MomentumRows(_inputWeights, _inputVelocity, _inputGrad, learningRate, momentum, 0, _inputWeights.Rows / 2),
            () => MomentumRows(_inputWeights, _inputVelocity, _inputGrad, learningRate, momentum, _inputWeights.Rows / 2, _inputWeights.Rows));
        Momentum(_hiddenBias, _hiddenBiasVelocity, _hiddenBiasGrad, learningRate, momentum);
        Momentum(_outputWeights, _outputVelocity, _outputGrad, learningRate, momentum);
        Momentum(_outputBias, _outputBiasVelocity, _outputBiasGrad, learningRate, momentum);
    }

    private static void Momentum(Matrix weights, Matrix velocity, Matrix grad, Real learningRate, Real momentum) =>
        MomentumSpan(weights.Data, velocity.Data, grad.Data, learningRate, momentum);

    // Row b holds a 1 in column (position * Vocabulary + character) for each context position.
    private Matrix OneHot(TinyLmBatch batch)
    {
        var input = Matrix.Create(_config.BatchSize, _config.InputSize);
        for (int b = 0; b < _config.BatchSize; b++)
        {
            for (int p = 0; p < _config.Context; p++)
            {
                int character = batch.Contexts[b * _config.Context + p];
                input[b, p * _config.Vocabulary + character] = 1;
            }
        }
        return input;
    }

    private static Matrix Softmax(Matrix logits)
    {
        var result = Matrix.Create(logits.Rows, logits.Cols);
        for (int r = 0; r < logits.Rows; r++)
        {
            Real max = Real.NegativeInfinity;
            for (int c = 0; c < logits.Cols; c++)
            {
                max = Real.Max(max, logits[r, c]);
            }
            Real sum = 0;
            for (int c = 0; c < logits.Cols; c++)
            {
                result[r, c] = Real.Exp(logits[r, c] - max);
                sum += result[r, c];
            }
            for (int c = 0; c < logits.Cols; c++)
            {
                result[r, c] /= sum;
            }
        }
        return result;
    }

    private static double CrossEntropy(Matrix probabilities, int[] targets)
    {
        double total = 0;
        for (int r = 0; r < probabilities.Rows; r++)
        {
            total -= Math.Log((double)probabilities[r, targets[r]]);
        }
        return total / probabilities.Rows;
    }

    private Matrix LogitGradient(int[] targets) => _logitGrad;

    // Row b of the hidden layer in one pass: the bias plus the Context embedding rows summed in registers, then tanh.
    private void EmbedRow(TinyLmBatch batch, int b)
    {
        Span<Real> row = _hidden.Row(b);
        ReadOnlySpan<Real> bias = _hiddenBias.Row(0);
        Span<int> offsets = stackalloc int[_config.Context];
        for (int p = 0; p < offsets.Length; p++)
        {
            offsets[p] = (p * _config.Vocabulary + batch.Contexts[b * _config.Context + p]) * _config.Hidden;
        }
        Real[] weights = _inputWeights.Data;
        int width = Vector512<Real>.Count;
        int j = 0;
        for (; j <= row.Length - width; j += width)
        {
            var sum = Vector512.Create(bias.Slice(j, width));
            foreach (int offset in offsets)
            {
                sum += Vector512.Create(weights.AsSpan(offset + j, width));
            }
            sum.CopyTo(row.Slice(j, width));
        }
        for (; j < row.Length; j++)
        {
            Real sum = bias[j];
            foreach (int offset in offsets)
            {
                sum += weights[offset + j];
            }
            row[j] = sum;
        }
        TensorPrimitives.Tanh(row, row);
    }

    private Matrix _logitGrad = null!;

    // Adds the bias, turns the row into (softmax - one-hot) / rows in place, and returns the row's loss.
    private double SoftmaxRow(Span<Real> row, int target, int rows)
    {
        TensorPrimitives.Add(row, _outputBias.Row(0), row);
        Real max = TensorPrimitives.Max(row);
        Real targetLogit = row[target];
        TensorPrimitives.Subtract(row, max, row);
        TensorPrimitives.Exp(row, row);
        Real sum = TensorPrimitives.Sum(row);
        TensorPrimitives.Multiply(row, 1 / (sum * rows), row);
        row[target] -= (Real)1 / rows;
        return Math.Log((double)sum) - (double)(targetLogit - max);
    }

    // Turns row b of the hidden gradient into the pre-activation gradient g * (1 - a * a), in place.
    private Span<Real> PreActivationGradient(int b)
    {
        Span<Real> grad = _hiddenGrad.Row(b);
        ReadOnlySpan<Real> activation = _hidden.Row(b);
        int width = Vector512<Real>.Count;
        int j = 0;
        for (; j <= grad.Length - width; j += width)
        {
            var g = Vector512.Create(grad.Slice(j, width));
            var a = Vector512.Create(activation.Slice(j, width));
            Vector512.FusedMultiplyAdd(-(g * a), a, g).CopyTo(grad.Slice(j, width));
        }
        for (; j < grad.Length; j++)
        {
            grad[j] -= grad[j] * activation[j] * activation[j];
        }
        return grad;
    }

    private static void MomentumSpan(Span<Real> w, Span<Real> v, ReadOnlySpan<Real> g, Real learningRate, Real momentum)
    {
        int width = Vector512<Real>.Count;
        var m = Vector512.Create(momentum);
        var rate = Vector512.Create(-learningRate);
        int i = 0;
        for (; i <= w.Length - width; i += width)
        {
            var next = Vector512.FusedMultiplyAdd(m, Vector512.Create(v.Slice(i, width)), Vector512.Create(g.Slice(i, width)));
            next.CopyTo(v.Slice(i, width));
            Vector512.FusedMultiplyAdd(rate, next, Vector512.Create(w.Slice(i, width))).CopyTo(w.Slice(i, width));
        }
        for (; i < w.Length; i++)
        {
            Real next = momentum * v[i] + g[i];
            v[i] = next;
            w[i] -= learningRate * next;
        }
    }

    private static void MomentumRows(Matrix weights, Matrix velocity, Matrix grad, Real learningRate, Real momentum, int startRow, int endRow)
    {
        int from = startRow * weights.Cols;
        int length = (endRow - startRow) * weights.Cols;
        MomentumSpan(weights.Data.AsSpan(from, length), velocity.Data.AsSpan(from, length), grad.Data.AsSpan(from, length), learningRate, momentum);
    }

    // Samples per block of the first region; hidden units or input rows per block of the second.
    private const int BlockSize = 32;

    // The output weights transposed, [Vocabulary, Hidden]: the update keeps it current, so no step transposes.
    private Matrix? _outputWeightsT;

    private double[] _losses = [];

    // The samples whose context selects input row r, in sample order: _rowSamples[_rowStarts[r].._rowStarts[r + 1]].
    private int[] _rowStarts = [];

    private int[] _rowFill = [];

    private int[] _rowSamples = [];

    private static int Blocks(int count) => (count + BlockSize - 1) / BlockSize;

    // The step's matrices, allocated once: every pass overwrites what it writes instead of clearing it first.
    private void EnsureStepBuffers()
    {
        if (_outputWeightsT is not null)
        {
            return;
        }
        int rows = _config.BatchSize;
        _hidden = new Matrix(rows, _config.Hidden);
        _logitGrad = new Matrix(rows, _config.Vocabulary);
        _hiddenGrad = new Matrix(rows, _config.Hidden);
        _hiddenBiasGrad = new Matrix(1, _config.Hidden);
        _outputGrad = new Matrix(_config.Hidden, _config.Vocabulary);
        _outputBiasGrad = new Matrix(1, _config.Vocabulary);
        _losses = new double[rows];
        _rowStarts = new int[_config.InputSize + 1];
        _rowFill = new int[_config.InputSize];
        _rowSamples = new int[rows * _config.Context];
        _outputWeightsT = new Matrix(_config.Vocabulary, _config.Hidden);
        TransposeOutputRows(0, _config.Hidden);
    }

    // Samples start..end: hidden rows, logits, softmax and its gradient, then the gradient back to the hidden pre-activations.
    private void SamplePass(TinyLmBatch batch, int start, int end)
    {
        for (int b = start; b < end; b++)
        {
            EmbedRow(batch, b);
        }
        Matrix.MultiplyRows(_hidden, _outputWeights, _logitGrad, start, end);
        for (int b = start; b < end; b++)
        {
            _losses[b] = SoftmaxRow(_logitGrad.Row(b), batch.Targets[b], _config.BatchSize);
        }
        Matrix.MultiplyRows(_logitGrad, _outputWeightsT!, _hiddenGrad, start, end);
        for (int b = start; b < end; b++)
        {
            PreActivationGradient(b);
        }
    }

    // Groups the samples by the input rows their contexts select (a counting sort, sample order kept), so that
    // each input row's gradient can be gathered instead of scattered.
    private void GroupSamplesByInputRow(TinyLmBatch batch)
    {
        Array.Clear(_rowStarts);
        int context = _config.Context;
        int samples = _config.BatchSize * context;
        for (int i = 0; i < samples; i++)
        {
            _rowStarts[(i % context) * _config.Vocabulary + batch.Contexts[i] + 1]++;
        }
        for (int r = 0; r < _config.InputSize; r++)
        {
            _rowStarts[r + 1] += _rowStarts[r];
        }
        _rowStarts.AsSpan(0, _config.InputSize).CopyTo(_rowFill);
        for (int i = 0; i < samples; i++)
        {
            _rowSamples[_rowFill[(i % context) * _config.Vocabulary + batch.Contexts[i]]++] = i / context;
        }
    }

    // Input rows start..end: each row's gradient is the sum of the pre-activation gradients of the samples that
    // select it, gathered in sample order into a row that stays in L1, then the row's momentum update.
    private void InputWeightsPass(int start, int end, Real learningRate, Real momentum)
    {
        Span<Real> grad = stackalloc Real[_config.Hidden];
        for (int r = start; r < end; r++)
        {
            grad.Clear();
            for (int s = _rowStarts[r]; s < _rowStarts[r + 1]; s++)
            {
                TensorPrimitives.Add(grad, _hiddenGrad.Row(_rowSamples[s]), grad);
            }
            MomentumSpan(_inputWeights.Row(r), _inputVelocity.Row(r), grad, learningRate, momentum);
        }
    }

    // Hidden units start..end: their rows of the output-weight gradient over the whole batch, the momentum update
    // of exactly those rows, and their columns of the transposed copy.
    private void OutputWeightsPass(int start, int end, Real learningRate, Real momentum)
    {
        Matrix.MultiplyTransposedRows(_hidden, _logitGrad, _outputGrad, start, end);
        int from = start * _config.Vocabulary;
        int count = (end - start) * _config.Vocabulary;
        MomentumSpan(_outputWeights.Data.AsSpan(from, count), _outputVelocity.Data.AsSpan(from, count), _outputGrad.Data.AsSpan(from, count), learningRate, momentum);
        TransposeOutputRows(start, end);
    }

    // Both bias gradients are sums over the samples of a row: added row by row, then updated.
    private void BiasPass(Real learningRate, Real momentum)
    {
        Span<Real> hiddenBiasGrad = _hiddenBiasGrad.Row(0);
        Span<Real> outputBiasGrad = _outputBiasGrad.Row(0);
        hiddenBiasGrad.Clear();
        outputBiasGrad.Clear();
        for (int b = 0; b < _config.BatchSize; b++)
        {
            TensorPrimitives.Add(hiddenBiasGrad, _hiddenGrad.Row(b), hiddenBiasGrad);
            TensorPrimitives.Add(outputBiasGrad, _logitGrad.Row(b), outputBiasGrad);
        }
        MomentumSpan(_hiddenBias.Data, _hiddenBiasVelocity.Data, hiddenBiasGrad, learningRate, momentum);
        MomentumSpan(_outputBias.Data, _outputBiasVelocity.Data, outputBiasGrad, learningRate, momentum);
    }

    // Copies rows start..end of the output weights into the columns of their transpose, writing along its rows.
    private void TransposeOutputRows(int start, int end)
    {
        Real[] weights = _outputWeights.Data;
        Real[] transposed = _outputWeightsT!.Data;
        int vocabulary = _config.Vocabulary;
        int hidden = _config.Hidden;
        for (int j = 0; j < vocabulary; j++)
        {
            for (int i = start; i < end; i++)
            {
                transposed[j * hidden + i] = weights[i * vocabulary + j];
            }
        }
    }
}

/// <summary>A dense row-major matrix of the reference implementation.</summary>
internal sealed class Matrix
{

    public Matrix(int rows, int cols)
    {
        Rows = rows;
        Cols = cols;
        _data = new Real[rows * cols];
    }

    public int Rows { get; }

    public int Cols { get; }

    public Real this[int row, int col]
    {
        get => _data[row * Cols + col];
        set => _data[row * Cols + col] = value;
    }

    // Hands out a cleared pooled matrix; all of them become free again at the start of the next step.
    public static Matrix Create(int rows, int cols)
    {
        var shape = (rows, cols);
        if (!Pool.TryGetValue(shape, out var pooled))
        {
            pooled = new List<Matrix>();
            Pool[shape] = pooled;
        }
        int used = InUse.GetValueOrDefault(shape);
        InUse[shape] = used + 1;
        if (used < pooled.Count)
        {
            pooled[used].Clear();
            return pooled[used];
        }
        var fresh = new Matrix(rows, cols);
        pooled.Add(fresh);
        return fresh;
    }

    public static Matrix FromArray(double[] values, int rows, int cols)
    {
        var m = new Matrix(rows, cols);
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                m[r, c] = (Real)values[r * cols + c];
            }
        }
        return m;
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

    public static Matrix Multiply(Matrix a, Matrix b)
    {
        var c = Create(a.Rows, b.Cols);
        int blocks = (a.Rows + 3) / 4;
        Parallel.For(0, blocks, block =>
        {
            int start = block * 4;
            if (start + 4 <= a.Rows)
            {
                MultiplyBlock(a, b, c, start);
            }
            else
            {
                for (int i = start; i < a.Rows; i++)
                {
                    MultiplyRow(a, b, c, i);
                }
            }
        });
        return c;
    }

    // Row i of c = sum over k of a[i, k] times row k of b, through refs: no bounds checks in the loop.
    public static void MultiplyRow(Matrix a, Matrix b, Matrix c, int i)
    {
        int n = c.Cols;
        int width = Vector512<Real>.Count;
        ref Real cRow = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Data), i * n);
        ref Real aRow = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), i * a.Cols);
        ref Real bData = ref MemoryMarshal.GetArrayDataReference(b.Data);
        for (int k = 0; k < a.Cols; k++)
        {
            Real aik = Unsafe.Add(ref aRow, k);
            if (aik == 0)
            {
                continue;
            }
            ref Real bRow = ref Unsafe.Add(ref bData, k * n);
            var scale = Vector512.Create(aik);
            int j = 0;
            for (; j <= n - width; j += width)
            {
                Vector512.FusedMultiplyAdd(scale, Vector512.LoadUnsafe(ref bRow, (nuint)j), Vector512.LoadUnsafe(ref cRow, (nuint)j))
                    .StoreUnsafe(ref cRow, (nuint)j);
            }
            for (; j < n; j++)
            {
                Unsafe.Add(ref cRow, j) += aik * Unsafe.Add(ref bRow, j);
            }
        }
    }

    public Matrix Transpose()
    {
        var t = Create(Cols, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                t[c, r] = this[r, c];
            }
        }
        return t;
    }

    // Adds a [1, Cols] row to every row.
    public Matrix AddRow(Matrix row)
    {
        var result = Create(Rows, Cols);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                result[r, c] = this[r, c] + row[0, c];
            }
        }
        return result;
    }

    public Matrix Map(Func<Real, Real> f)
    {
        var result = Create(Rows, Cols);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                result[r, c] = f(this[r, c]);
            }
        }
        return result;
    }

    public Matrix Zip(Matrix other, Func<Real, Real, Real> f)
    {
        var result = Create(Rows, Cols);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                result[r, c] = f(this[r, c], other[r, c]);
            }
        }
        return result;
    }

    // Sums over rows: a [1, Cols] matrix.
    public Matrix SumRows()
    {
        var result = Create(1, Cols);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                result[0, c] += this[r, c];
            }
        }
        return result;
    }

    private readonly Real[] _data;

    // The storage, row-major: element (r, c) is at r * Cols + c.
    public Real[] Data => _data;

    public Span<Real> Row(int row) => _data.AsSpan(row * Cols, Cols);

    // Rows start..start+3 of c, two vectors of columns at a time, accumulators in registers.
    private static void MultiplyBlock(Matrix a, Matrix b, Matrix c, int start)
    {
        int n = c.Cols;
        int depth = a.Cols;
        int width = Vector512<Real>.Count;
        ref Real a0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), start * depth);
        ref Real a1 = ref Unsafe.Add(ref a0, depth);
        ref Real a2 = ref Unsafe.Add(ref a1, depth);
        ref Real a3 = ref Unsafe.Add(ref a2, depth);
        ref Real bData = ref MemoryMarshal.GetArrayDataReference(b.Data);
        ref Real c0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Data), start * n);
        int j = 0;
        for (; j <= n - 2 * width; j += 2 * width)
        {
            Vector512<Real> s00 = default, s01 = default, s10 = default, s11 = default;
            Vector512<Real> s20 = default, s21 = default, s30 = default, s31 = default;
            for (int k = 0; k < depth; k++)
            {
                ref Real bk = ref Unsafe.Add(ref bData, k * n + j);
                var b0 = Vector512.LoadUnsafe(ref bk);
                var b1 = Vector512.LoadUnsafe(ref bk, (nuint)width);
                var x0 = Vector512.Create(Unsafe.Add(ref a0, k));
                var x1 = Vector512.Create(Unsafe.Add(ref a1, k));
                var x2 = Vector512.Create(Unsafe.Add(ref a2, k));
                var x3 = Vector512.Create(Unsafe.Add(ref a3, k));
                s00 = Vector512.FusedMultiplyAdd(x0, b0, s00);
                s01 = Vector512.FusedMultiplyAdd(x0, b1, s01);
                s10 = Vector512.FusedMultiplyAdd(x1, b0, s10);
                s11 = Vector512.FusedMultiplyAdd(x1, b1, s11);
                s20 = Vector512.FusedMultiplyAdd(x2, b0, s20);
                s21 = Vector512.FusedMultiplyAdd(x2, b1, s21);
                s30 = Vector512.FusedMultiplyAdd(x3, b0, s30);
                s31 = Vector512.FusedMultiplyAdd(x3, b1, s31);
            }
            ref Real r0 = ref Unsafe.Add(ref c0, j);
            s00.StoreUnsafe(ref r0);
            s01.StoreUnsafe(ref r0, (nuint)width);
            s10.StoreUnsafe(ref r0, (nuint)n);
            s11.StoreUnsafe(ref r0, (nuint)(n + width));
            s20.StoreUnsafe(ref r0, (nuint)(2 * n));
            s21.StoreUnsafe(ref r0, (nuint)(2 * n + width));
            s30.StoreUnsafe(ref r0, (nuint)(3 * n));
            s31.StoreUnsafe(ref r0, (nuint)(3 * n + width));
        }
        for (; j < n; j++)
        {
            for (int r = 0; r < 4; r++)
            {
                Real sum = 0;
                for (int k = 0; k < depth; k++)
                {
                    sum += a[start + r, k] * b[k, j];
                }
                c[start + r, j] = sum;
            }
        }
    }

    public static Matrix MultiplyTransposedA(Matrix a, Matrix b)
    {
        var c = Create(a.Cols, b.Cols);
        Parallel.For(0, (a.Cols + 3) / 4, block => MultiplyTransposedBlock(a, b, c, block * 4, Math.Min(block * 4 + 4, a.Cols)));
        return c;
    }

    // Rows start..end (at most four) of a^T x b, a vector of columns at a time, sums kept in registers.
    private static void MultiplyTransposedBlock(Matrix a, Matrix b, Matrix c, int start, int end)
    {
        int n = b.Cols;
        int width = Vector512<Real>.Count;
        ref Real aData = ref MemoryMarshal.GetArrayDataReference(a.Data);
        ref Real bData = ref MemoryMarshal.GetArrayDataReference(b.Data);
        ref Real cData = ref MemoryMarshal.GetArrayDataReference(c.Data);
        int j = 0;
        for (; end - start == 4 && j <= n - width; j += width)
        {
            Vector512<Real> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int r = 0; r < a.Rows; r++)
            {
                ref Real ar = ref Unsafe.Add(ref aData, r * a.Cols + start);
                var br = Vector512.LoadUnsafe(ref bData, (nuint)(r * n + j));
                s0 = Vector512.FusedMultiplyAdd(Vector512.Create(ar), br, s0);
                s1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, 1)), br, s1);
                s2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, 2)), br, s2);
                s3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref ar, 3)), br, s3);
            }
            s0.StoreUnsafe(ref cData, (nuint)(start * n + j));
            s1.StoreUnsafe(ref cData, (nuint)((start + 1) * n + j));
            s2.StoreUnsafe(ref cData, (nuint)((start + 2) * n + j));
            s3.StoreUnsafe(ref cData, (nuint)((start + 3) * n + j));
        }
        for (int i = start; i < end; i++)
        {
            for (int jj = end - start == 4 ? j : 0; jj < n; jj++)
            {
                Real sum = 0;
                for (int r = 0; r < a.Rows; r++)
                {
                    sum += a[r, i] * b[r, jj];
                }
                c[i, jj] = sum;
            }
        }
    }

    private static readonly Dictionary<(int Rows, int Cols), List<Matrix>> Pool = new();

    private static readonly Dictionary<(int Rows, int Cols), int> InUse = new();

    public static void ReleaseAll() => InUse.Clear();

    public void Clear()
    {
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                this[r, c] = 0;
            }
        }
    }

    // Rows start..end of c = a x b, four rows by four vectors at a time when the width allows it.
    public static void MultiplyRows(Matrix a, Matrix b, Matrix c, int start, int end)
    {
        bool wide = c.Cols % WideColumns == 0 && Vector512<Real>.Count * 4 == WideColumns;
        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            if (wide)
            {
                for (int j = 0; j < c.Cols; j += WideColumns)
                {
                    MultiplyWideBlock(a, b, c, i, j);
                }
            }
            else
            {
                MultiplyBlock(a, b, c, i);
            }
        }
        for (; i < end; i++)
        {
            c.Row(i).Clear();
            MultiplyRow(a, b, c, i);
        }
    }

    // Rows start..end of c = a^T x b, four rows by four vectors at a time when the width allows it.
    public static void MultiplyTransposedRows(Matrix a, Matrix b, Matrix c, int start, int end)
    {
        bool wide = c.Cols % WideColumns == 0 && Vector512<Real>.Count * 4 == WideColumns;
        for (int i = start; i < end; i += 4)
        {
            if (wide && i + 4 <= end)
            {
                for (int j = 0; j < c.Cols; j += WideColumns)
                {
                    MultiplyTransposedWideBlock(a, b, c, i, j);
                }
            }
            else
            {
                MultiplyTransposedBlock(a, b, c, i, Math.Min(i + 4, end));
            }
        }
    }

    // Columns per wide block: four Vector512 of float.
    private const int WideColumns = 64;

    // c[start..start+3, j..j+63] = a[start..start+3, :] x b[:, j..j+63], sixteen accumulators in registers.
    private static void MultiplyWideBlock(Matrix a, Matrix b, Matrix c, int start, int j)
    {
        int n = b.Cols;
        int depth = a.Cols;
        int w = Vector512<Real>.Count;
        ref Real a0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), start * depth);
        ref Real a1 = ref Unsafe.Add(ref a0, depth);
        ref Real a2 = ref Unsafe.Add(ref a1, depth);
        ref Real a3 = ref Unsafe.Add(ref a2, depth);
        ref Real bk = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b.Data), j);
        Vector512<Real> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector512<Real> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<Real> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector512<Real> s30 = default, s31 = default, s32 = default, s33 = default;
        for (int k = 0; k < depth; k++)
        {
            var b0 = Vector512.LoadUnsafe(ref bk);
            var b1 = Vector512.LoadUnsafe(ref bk, (nuint)w);
            var b2 = Vector512.LoadUnsafe(ref bk, (nuint)(2 * w));
            var b3 = Vector512.LoadUnsafe(ref bk, (nuint)(3 * w));
            var x = Vector512.Create(Unsafe.Add(ref a0, k));
            s00 = Vector512.FusedMultiplyAdd(x, b0, s00);
            s01 = Vector512.FusedMultiplyAdd(x, b1, s01);
            s02 = Vector512.FusedMultiplyAdd(x, b2, s02);
            s03 = Vector512.FusedMultiplyAdd(x, b3, s03);
            x = Vector512.Create(Unsafe.Add(ref a1, k));
            s10 = Vector512.FusedMultiplyAdd(x, b0, s10);
            s11 = Vector512.FusedMultiplyAdd(x, b1, s11);
            s12 = Vector512.FusedMultiplyAdd(x, b2, s12);
            s13 = Vector512.FusedMultiplyAdd(x, b3, s13);
            x = Vector512.Create(Unsafe.Add(ref a2, k));
            s20 = Vector512.FusedMultiplyAdd(x, b0, s20);
            s21 = Vector512.FusedMultiplyAdd(x, b1, s21);
            s22 = Vector512.FusedMultiplyAdd(x, b2, s22);
            s23 = Vector512.FusedMultiplyAdd(x, b3, s23);
            x = Vector512.Create(Unsafe.Add(ref a3, k));
            s30 = Vector512.FusedMultiplyAdd(x, b0, s30);
            s31 = Vector512.FusedMultiplyAdd(x, b1, s31);
            s32 = Vector512.FusedMultiplyAdd(x, b2, s32);
            s33 = Vector512.FusedMultiplyAdd(x, b3, s33);
            bk = ref Unsafe.Add(ref bk, n);
        }
        StoreWide(c, start, j, s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33);
    }

    // c[start..start+3, j..j+63] = a[:, start..start+3]^T x b[:, j..j+63], sixteen accumulators in registers.
    private static void MultiplyTransposedWideBlock(Matrix a, Matrix b, Matrix c, int start, int j)
    {
        int n = b.Cols;
        int w = Vector512<Real>.Count;
        ref Real ar = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(a.Data), start);
        ref Real br = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(b.Data), j);
        Vector512<Real> s00 = default, s01 = default, s02 = default, s03 = default;
        Vector512<Real> s10 = default, s11 = default, s12 = default, s13 = default;
        Vector512<Real> s20 = default, s21 = default, s22 = default, s23 = default;
        Vector512<Real> s30 = default, s31 = default, s32 = default, s33 = default;
        for (int r = 0; r < a.Rows; r++)
        {
            var b0 = Vector512.LoadUnsafe(ref br);
            var b1 = Vector512.LoadUnsafe(ref br, (nuint)w);
            var b2 = Vector512.LoadUnsafe(ref br, (nuint)(2 * w));
            var b3 = Vector512.LoadUnsafe(ref br, (nuint)(3 * w));
            var x = Vector512.Create(ar);
            s00 = Vector512.FusedMultiplyAdd(x, b0, s00);
            s01 = Vector512.FusedMultiplyAdd(x, b1, s01);
            s02 = Vector512.FusedMultiplyAdd(x, b2, s02);
            s03 = Vector512.FusedMultiplyAdd(x, b3, s03);
            x = Vector512.Create(Unsafe.Add(ref ar, 1));
            s10 = Vector512.FusedMultiplyAdd(x, b0, s10);
            s11 = Vector512.FusedMultiplyAdd(x, b1, s11);
            s12 = Vector512.FusedMultiplyAdd(x, b2, s12);
            s13 = Vector512.FusedMultiplyAdd(x, b3, s13);
            x = Vector512.Create(Unsafe.Add(ref ar, 2));
            s20 = Vector512.FusedMultiplyAdd(x, b0, s20);
            s21 = Vector512.FusedMultiplyAdd(x, b1, s21);
            s22 = Vector512.FusedMultiplyAdd(x, b2, s22);
            s23 = Vector512.FusedMultiplyAdd(x, b3, s23);
            x = Vector512.Create(Unsafe.Add(ref ar, 3));
            s30 = Vector512.FusedMultiplyAdd(x, b0, s30);
            s31 = Vector512.FusedMultiplyAdd(x, b1, s31);
            s32 = Vector512.FusedMultiplyAdd(x, b2, s32);
            s33 = Vector512.FusedMultiplyAdd(x, b3, s33);
            ar = ref Unsafe.Add(ref ar, a.Cols);
            br = ref Unsafe.Add(ref br, n);
        }
        StoreWide(c, start, j, s00, s01, s02, s03, s10, s11, s12, s13, s20, s21, s22, s23, s30, s31, s32, s33);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreWide(Matrix c, int start, int j,
        Vector512<Real> s00, Vector512<Real> s01, Vector512<Real> s02, Vector512<Real> s03,
        Vector512<Real> s10, Vector512<Real> s11, Vector512<Real> s12, Vector512<Real> s13,
        Vector512<Real> s20, Vector512<Real> s21, Vector512<Real> s22, Vector512<Real> s23,
        Vector512<Real> s30, Vector512<Real> s31, Vector512<Real> s32, Vector512<Real> s33)
    {
        int n = c.Cols;
        int w = Vector512<Real>.Count;
        ref Real r0 = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(c.Data), start * n + j);
        s00.StoreUnsafe(ref r0);
        s01.StoreUnsafe(ref r0, (nuint)w);
        s02.StoreUnsafe(ref r0, (nuint)(2 * w));
        s03.StoreUnsafe(ref r0, (nuint)(3 * w));
        ref Real r1 = ref Unsafe.Add(ref r0, n);
        s10.StoreUnsafe(ref r1);
        s11.StoreUnsafe(ref r1, (nuint)w);
        s12.StoreUnsafe(ref r1, (nuint)(2 * w));
        s13.StoreUnsafe(ref r1, (nuint)(3 * w));
        ref Real r2 = ref Unsafe.Add(ref r1, n);
        s20.StoreUnsafe(ref r2);
        s21.StoreUnsafe(ref r2, (nuint)w);
        s22.StoreUnsafe(ref r2, (nuint)(2 * w));
        s23.StoreUnsafe(ref r2, (nuint)(3 * w));
        ref Real r3 = ref Unsafe.Add(ref r2, n);
        s30.StoreUnsafe(ref r3);
        s31.StoreUnsafe(ref r3, (nuint)w);
        s32.StoreUnsafe(ref r3, (nuint)(2 * w));
        s33.StoreUnsafe(ref r3, (nuint)(3 * w));
    }
}
