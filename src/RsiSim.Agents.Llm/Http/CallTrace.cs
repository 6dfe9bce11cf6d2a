namespace RsiSim.Agents.Llm.Http;

/// <summary>What the HTTP pipeline saw during one model call: the request as sent, each attempt, the waits.</summary>
/// <remarks>It travels with the call through an <see cref="AsyncLocal{T}"/>, so one HttpClient serves every trial of an arm.</remarks>
internal sealed class CallTrace
{
    private static readonly AsyncLocal<CallTrace?> Ambient = new();
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _waits = [];
    private int _attempts;

    public static CallTrace? Current => Ambient.Value;

    /// <summary>True when the reply is a stream of server-sent events, read after the pipeline returns.</summary>
    public required bool Streaming { get; init; }

    public string? Url { get; set; }

    public IReadOnlyDictionary<string, string> Headers { get; set; } = new Dictionary<string, string>();

    public string? Body { get; set; }

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>Times the call was retried, including waits for an open circuit breaker (which send nothing).</summary>
    public int Retries
    {
        get
        {
            lock (_gate)
            {
                return _waits.Count;
            }
        }
    }

    public int? LastStatus { get; set; }

    /// <summary>The start of the last unsuccessful reply's body, to explain the failure.</summary>
    public string? LastErrorBody { get; set; }

    public IReadOnlyList<TimeSpan> Waits
    {
        get
        {
            lock (_gate)
            {
                return [.. _waits];
            }
        }
    }

    /// <summary>Makes <paramref name="trace"/> the current call's trace for the rest of this async flow.</summary>
    public static void Begin(CallTrace? trace) => Ambient.Value = trace;

    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    public void AddWait(TimeSpan wait)
    {
        lock (_gate)
        {
            _waits.Add(wait);
        }
    }
}
