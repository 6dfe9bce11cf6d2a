extern alias worker;

using Census = worker::RsiSim.Worker.ThreadCensus.Census;
using ThreadCensus = worker::RsiSim.Worker.ThreadCensus;

namespace RsiSim.Evaluation.Tests.Worker;

/// <summary>How the worker reads its threads from /proc: their CPU time to the nanosecond where the kernel keeps it, and which
/// of them the program left alive.</summary>
public sealed class ThreadCensusTests
{
    [Fact]
    public void Schedstat_gives_the_time_on_the_CPU_in_milliseconds_from_its_first_field_in_nanoseconds()
    {
        Assert.Equal(7.866922, ThreadCensus.ParseSchedstat("7866922 22022057 4\n")!.Value, 9);
        Assert.Equal(0.000001, ThreadCensus.ParseSchedstat("1")!.Value, 9);
    }

    [Fact]
    public void Missing_or_unreadable_schedstat_leaves_the_census_to_the_ticks_of_stat()
    {
        Assert.Null(ThreadCensus.ParseSchedstat(null));
        Assert.Null(ThreadCensus.ParseSchedstat("not a number"));
        Assert.Equal((".NET TP Worker", 12L + 3L), ThreadCensus.ParseStat("4242 (.NET TP Worker) S 1 2 3 4 5 6 7 8 9 10 12 3 0 0 20 0 1 0"));
    }

    [Fact]
    public void A_thread_that_computes_is_counted_as_the_program_s_without_rounding_to_ten_millisecond_ticks()
    {
        // The spinner's own line of the census, not the difference of two sums: in the test host, a thread of another test
        // that ends between two sums takes its time out of the second (the sum went down by more than the spin once).
        Assert.SkipUnless(ThreadCensus.Available && File.Exists("/proc/self/schedstat"), "Linux with schedstat only");
        using var spun = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int spinnerId = 0;
        var spinner = new Thread(() =>
        {
            spinnerId = int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").ResolveLinkTarget(false)!.FullName), System.Globalization.CultureInfo.InvariantCulture);
            var until = DateTime.UtcNow.AddMilliseconds(200);
            while (DateTime.UtcNow < until)
            {
                Thread.SpinWait(100);
            }
            spun.Set();
            release.Wait();
        });
        spinner.Start();
        spun.Wait(TestContext.Current.CancellationToken);
        // Counted while the thread is alive: a thread that has ended is no longer in /proc/self/task.
        var counted = ThreadCensus.ProgramThreads();
        double sum = ThreadCensus.ProgramCpuMilliseconds();
        release.Set();
        spinner.Join();

        Assert.True(counted.TryGetValue(spinnerId, out double spinnerMilliseconds), $"thread {spinnerId} was not counted as the program's");
        Assert.InRange(spinnerMilliseconds, 1, 10_000);
        Assert.NotEqual(0, spinnerMilliseconds % 10, 6);
        Assert.False(counted.ContainsKey(Environment.ProcessId), "the loop thread (the process's first) was counted");
        Assert.True(sum >= spinnerMilliseconds, $"the sum {sum} ms is less than the spinner's {spinnerMilliseconds} ms");
    }

    [Fact]
    public void A_runtime_thread_not_yet_named_as_the_worker_starts_does_not_hide_a_thread_the_program_left()
    {
        // Given a start where the runtime's tiering thread (5) still had the main thread's name, named since
        var atStart = new Census(0, [1, 5], 0);
        // When the program left thread 9 running, seen by both counts after its run
        var first = new Census(10, [1, 9], 0);
        var second = new Census(20, [1, 9], 0);

        // Then thread 9 is the program's, although there are as many unnamed threads as at the start
        Assert.Equal(1, ThreadCensus.LeftBehind(atStart, first, second));
    }

    [Fact]
    public void A_thread_seen_unnamed_by_one_count_only_is_not_the_program_s()
    {
        var atStart = new Census(0, [1], 0);

        // A runtime thread caught before its naming by the first count, named (or gone) by the second
        Assert.Equal(0, ThreadCensus.LeftBehind(atStart, new Census(0, [1, 7], 0), new Census(0, [1], 0)));
        // and one that started between the two counts
        Assert.Equal(0, ThreadCensus.LeftBehind(atStart, new Census(0, [1], 0), new Census(0, [1, 8], 0)));
    }

    [Fact]
    public void Threads_started_from_pool_threads_count_as_pool_workers_beyond_the_pool_in_both_counts()
    {
        var atStart = new Census(0, [1], 0);

        Assert.Equal(2, ThreadCensus.LeftBehind(atStart, new Census(0, [1], 2), new Census(0, [1], 3)));
        // whatever the start found: a pool thread retiring as it was taken would otherwise hide one the program left
        Assert.Equal(1, ThreadCensus.LeftBehind(new Census(0, [1], 1), new Census(0, [1], 1), new Census(0, [1], 1)));
        Assert.Equal(0, ThreadCensus.LeftBehind(atStart, new Census(0, [1], 1), new Census(0, [1], 0)));
        // Beside a thread started from the main thread
        Assert.Equal(2, ThreadCensus.LeftBehind(atStart, new Census(0, [1, 4], 1), new Census(0, [1, 4], 1)));
    }

    [Fact]
    public void A_census_never_taken_counts_no_thread()
    {
        Assert.Equal(0, ThreadCensus.LeftBehind(default, default, default));
        Assert.Equal(1, ThreadCensus.LeftBehind(default, new Census(0, [1], 0), new Census(0, [1], 0)));
    }
}
