namespace RsiSim.Scenarios.Values;

/// <summary>The inclusive range a value must fall in; the minimum may be exclusive, for "must be positive".</summary>
internal readonly record struct Bounds<T>(T Min, T Max, bool MinExclusive = false)
    where T : IComparable<T>
{
    /// <summary>Null when the value is in range, else the message saying which side it is off.</summary>
    public string? Check(T value, Func<T, string> show)
    {
        ArgumentNullException.ThrowIfNull(show);
        if (MinExclusive ? value.CompareTo(Min) <= 0 : value.CompareTo(Min) < 0)
        {
            return MinExclusive ? $"must be greater than {show(Min)}, found {show(value)}" : $"must be at least {show(Min)}, found {show(value)}";
        }
        return value.CompareTo(Max) > 0 ? $"must be at most {show(Max)}, found {show(value)}" : null;
    }
}
