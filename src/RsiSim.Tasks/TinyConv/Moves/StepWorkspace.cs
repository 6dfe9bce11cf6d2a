using RsiSim.Tasks.Moves;

namespace RsiSim.Tasks.TinyConv.Moves;

internal static class StepWorkspace
{
    public static MoveDefinition Definition { get; } = MoveFactory.Correct(
        "step-workspace", "No allocation per step: a workspace per chunk", 2, "memory",
        "Every sample allocated its signal copy, its activation grid and five small vectors, and every chunk its "
        + "gradient buffers: megabytes per step for the garbage collector. Each chunk now owns a workspace made on "
        + "the first step and reused ever after; the gradient buffers are cleared instead of reallocated, and the "
        + "forward and backward helpers write into the buffers they are handed.",
        """
        public sealed class TinyConvModel
        {
            private Workspace[] _workspaces = null!;

            public double TrainStep(TinyConvBatch batch, double learningRate)
            {
                ArgumentNullException.ThrowIfNull(batch);
                int chunks = (_config.BatchSize + SamplesPerChunk - 1) / SamplesPerChunk;
                _workspaces ??= [.. Enumerable.Range(0, chunks).Select(_ => new Workspace(_config))];
                Parallel.For(0, chunks, k =>
                {
                    var workspace = _workspaces[k];
                    workspace.Grads.Clear();
                    workspace.Loss = 0;
                    int end = Math.Min(_config.BatchSize, (k + 1) * SamplesPerChunk);
                    for (int b = k * SamplesPerChunk; b < end; b++)
                    {
                        workspace.Loss += TrainSample(batch, b, workspace);
                    }
                });
                double total = _workspaces[0].Loss;
                for (int k = 1; k < chunks; k++)
                {
                    _workspaces[0].Grads.Add(_workspaces[k].Grads);
                    total += _workspaces[k].Loss;
                }
                ApplyUpdate(_workspaces[0].Grads, (Real)learningRate);
                return total / _config.BatchSize;
            }

            private double TrainSample(TinyConvBatch batch, int b, Workspace workspace)
            {
                Signal(batch, b, workspace.Signal);
                ConvolveReluPool(workspace.Signal, workspace.Activations, workspace.Pooled);
                Dense(workspace.Pooled, workspace.Probabilities);
                Softmax(workspace.Probabilities);
                int label = batch.Labels[b];
                LogitGradient(workspace.Probabilities, label, workspace.LogitGrad);
                AccumulateDenseGradient(workspace.Grads, workspace.Pooled, workspace.LogitGrad);
                PooledGradient(workspace.LogitGrad, workspace.PooledGrad);
                AccumulateConvGradient(workspace.Grads, workspace.Signal, workspace.Activations, workspace.PooledGrad);
                return -Math.Log((double)workspace.Probabilities[label]);
            }

            private void Signal(TinyConvBatch batch, int b, Real[] signal)
            {
                for (int i = 0; i < signal.Length; i++)
                {
                    signal[i] = (Real)batch.Signals[b * signal.Length + i];
                }
            }

            private void Dense(Real[] pooled, Real[] logits)
            {
                for (int c = 0; c < _config.Classes; c++)
                {
                    Real sum = _denseBias[c];
                    for (int f = 0; f < _config.Filters; f++)
                    {
                        sum += pooled[f] * _dense[f, c];
                    }
                    logits[c] = sum;
                }
            }

            // Turns logits into probabilities in place.
            private static void Softmax(Real[] values)
            {
                Real max = Real.NegativeInfinity;
                foreach (Real value in values)
                {
                    max = Real.Max(max, value);
                }
                Real sum = 0;
                for (int c = 0; c < values.Length; c++)
                {
                    values[c] = Real.Exp(values[c] - max);
                    sum += values[c];
                }
                for (int c = 0; c < values.Length; c++)
                {
                    values[c] /= sum;
                }
            }

            private void LogitGradient(Real[] probabilities, int label, Real[] grad)
            {
                for (int c = 0; c < probabilities.Length; c++)
                {
                    Real indicator = c == label ? 1 : 0;
                    grad[c] = (probabilities[c] - indicator) / _config.BatchSize;
                }
            }

            private void PooledGradient(Real[] logitGrad, Real[] grad)
            {
                for (int f = 0; f < _config.Filters; f++)
                {
                    Real sum = 0;
                    for (int c = 0; c < _config.Classes; c++)
                    {
                        sum += logitGrad[c] * _dense[f, c];
                    }
                    grad[f] = sum;
                }
            }
        }

        /// <summary>Everything one chunk of samples writes during a step, made once and reused.</summary>
        internal sealed class Workspace(TinyConvConfig config)
        {
            public Gradients Grads { get; } = new(config);

            public Real[] Signal { get; } = new Real[config.Length];

            public Grid Activations { get; } = new(config.Filters, config.Positions);

            public Real[] Pooled { get; } = new Real[config.Filters];

            public Real[] Probabilities { get; } = new Real[config.Classes];

            public Real[] LogitGrad { get; } = new Real[config.Classes];

            public Real[] PooledGrad { get; } = new Real[config.Filters];

            public double Loss { get; set; }
        }

        internal sealed class Gradients
        {
            public void Clear()
            {
                for (int f = 0; f < Kernels.Rows; f++)
                {
                    KernelBias[f] = 0;
                    for (int w = 0; w < Kernels.Cols; w++)
                    {
                        Kernels[f, w] = 0;
                    }
                    for (int c = 0; c < Dense.Cols; c++)
                    {
                        Dense[f, c] = 0;
                    }
                }
                Array.Clear(DenseBias);
            }
        }
        """,
        requires: ["fused-conv-relu-pool", "parallel-samples"]);
}
