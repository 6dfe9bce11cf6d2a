namespace RsiSim.Agents.Llm.Http;

/// <summary>Reads a reply's Retry-After header, as seconds or as a date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Of(HttpResponseMessage? response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        var header = response?.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
