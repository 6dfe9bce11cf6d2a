namespace RsiSim.Agents.Llm.Tests.Support;

/// <summary>The system clock, with timers that fire a little before they are due, as a coarse timer clock does against the wall clock.</summary>
/// <remarks>On Linux .NET's timers fire up to about a millisecond early by <see cref="TimeProvider.GetUtcNow"/>; this makes it certain and larger.</remarks>
internal sealed class EarlyTimers(TimeSpan early) : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime > early ? dueTime - early : dueTime, period);
}
