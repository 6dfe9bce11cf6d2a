extern alias worker;

using ThreadCensus = worker::RsiSim.Worker.ThreadCensus;

namespace RsiSim.Evaluation.Tests.Worker;

/// <summary>How the worker reads its threads' CPU time from /proc: to the nanosecond where the kernel keeps it.</summary>
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
        Assert.SkipUnless(ThreadCensus.Available && File.Exists("/proc/self/schedstat"), "Linux with schedstat only");
        double before = ThreadCensus.ProgramCpuMilliseconds();
        using var spun = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var spinner = new Thread(() =>
        {
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
        double after = ThreadCensus.ProgramCpuMilliseconds();
        release.Set();
        spinner.Join();

        Assert.True(after - before > 0, "the spinning thread's time was not counted");
        Assert.NotEqual(0, (after - before) % 10, 6);
    }
}
