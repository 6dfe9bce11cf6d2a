using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RsiSim.Evaluation.Machine;

/// <summary>Measures this machine's FP32 peak: independent Vector512 fused multiply-adds on every core at once.</summary>
/// <remarks>
/// Sixteen independent accumulator chains hide the FMA latency, so the loop is bound by FMA throughput alone.
/// Each FMA on a Vector512 of floats counts 32 floating-point operations. The best of a few rounds is kept.
/// </remarks>
public static class PeakFlops
{
    private const int Chains = 16;

    /// <summary>GFLOP/s with <paramref name="threads"/> threads running the kernel at once.</summary>
    public static double Measure(int threads, TimeSpan duration)
    {
        double best = 0;
        for (int round = 0; round < 3; round++)
        {
            long iterations = 1 << 16;
            // Grow the iteration count until one call lasts long enough to time.
            while (Time(iterations) < duration.TotalSeconds / 4)
            {
                iterations *= 2;
            }
            var seconds = new double[threads];
            Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t => seconds[t] = Time(iterations));
            double flops = (double)threads * iterations * Chains * Vector512<float>.Count * 2;
            best = Math.Max(best, flops / seconds.Max() / 1e9);
        }
        return best;
    }

    private static double Time(long iterations)
    {
        long start = Stopwatch.GetTimestamp();
        float sink = Kernel(iterations);
        double seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        GC.KeepAlive(sink);
        return seconds;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float Kernel(long iterations)
    {
        var m = Vector512.Create(0.99999994f);
        var c = Vector512.Create(1e-7f);
        Vector512<float> a0 = Vector512.Create(1f), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
        Vector512<float> a8 = a0, a9 = a0, a10 = a0, a11 = a0, a12 = a0, a13 = a0, a14 = a0, a15 = a0;
        for (long i = 0; i < iterations; i++)
        {
            a0 = Vector512.FusedMultiplyAdd(a0, m, c);
            a1 = Vector512.FusedMultiplyAdd(a1, m, c);
            a2 = Vector512.FusedMultiplyAdd(a2, m, c);
            a3 = Vector512.FusedMultiplyAdd(a3, m, c);
            a4 = Vector512.FusedMultiplyAdd(a4, m, c);
            a5 = Vector512.FusedMultiplyAdd(a5, m, c);
            a6 = Vector512.FusedMultiplyAdd(a6, m, c);
            a7 = Vector512.FusedMultiplyAdd(a7, m, c);
            a8 = Vector512.FusedMultiplyAdd(a8, m, c);
            a9 = Vector512.FusedMultiplyAdd(a9, m, c);
            a10 = Vector512.FusedMultiplyAdd(a10, m, c);
            a11 = Vector512.FusedMultiplyAdd(a11, m, c);
            a12 = Vector512.FusedMultiplyAdd(a12, m, c);
            a13 = Vector512.FusedMultiplyAdd(a13, m, c);
            a14 = Vector512.FusedMultiplyAdd(a14, m, c);
            a15 = Vector512.FusedMultiplyAdd(a15, m, c);
        }
        var sum = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 + a10 + a11 + a12 + a13 + a14 + a15;
        return Vector512.Sum(sum);
    }
}
