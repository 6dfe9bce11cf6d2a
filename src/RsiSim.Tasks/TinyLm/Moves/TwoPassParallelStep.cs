using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyLm.Moves;

internal static class TwoPassParallelStep
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "two-pass-parallel-step", "Two parallel regions per step: samples, then weights", 4, "parallelism",
        "Each kernel forked and joined on its own: eight Parallel.For regions per step, each tens of microseconds "
        + "of work on 2 cores, and every join waits for the slower core. Everything from the embedding to the "
        + "pre-activation gradient is independent per sample, so one region over blocks of samples does all of it. "
        + "Everything after is independent per weight row, so a second region over blocks of rows computes each "
        + "row's gradient and applies its momentum update while the row is in cache: output-weight rows from the "
        + "transposed product; input rows gathered from the samples that select them (a counting sort per step "
        + "turns the scatter, which races between samples, into a gather in the same sample order, so no input "
        + "gradient matrix is stored or cleared); the biases as one more item. No two threads write the same value "
        + "and the sums keep their order. The step's matrices are allocated once and overwritten, the update keeps "
        + "a transposed copy of the output weights current instead of transposing every step, and the embedding "
        + "row is summed in registers before one tanh.",
        """
        using System.Numerics.Tensors;
        using System.Runtime.Intrinsics;

        public sealed class TinyLmModel
        {
            // Samples per block of the first region; hidden units or input rows per block of the second.
            private const int BlockSize = 32;

            // The output weights transposed, [Vocabulary, Hidden]: the update keeps it current, so no step transposes.
            private Matrix? _outputWeightsT;

            private double[] _losses = [];

            // The samples whose context selects input row r, in sample order: _rowSamples[_rowStarts[r].._rowStarts[r + 1]].
            private int[] _rowStarts = [];
            private int[] _rowFill = [];
            private int[] _rowSamples = [];

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

        internal sealed class Matrix
        {
            // Rows start..end of c = a x b, four rows at a time in registers; callers split the rows between threads.
            public static void MultiplyRows(Matrix a, Matrix b, Matrix c, int start, int end)
            {
                int i = start;
                for (; i + 4 <= end; i += 4)
                {
                    MultiplyBlock(a, b, c, i);
                }
                for (; i < end; i++)
                {
                    c.Row(i).Clear();
                    MultiplyRow(a, b, c, i);
                }
            }

            // Rows start..end of c = a^T x b.
            public static void MultiplyTransposedRows(Matrix a, Matrix b, Matrix c, int start, int end)
            {
                for (int i = start; i < end; i += 4)
                {
                    MultiplyTransposedBlock(a, b, c, i, Math.Min(i + 4, end));
                }
            }
        }
        """,
        requires: ["blocked-matmul", "simd-transposed-product", "simd-embedding", "simd-softmax", "simd-input-gradient", "simd-momentum-update", "pooled-buffers"]);
}
