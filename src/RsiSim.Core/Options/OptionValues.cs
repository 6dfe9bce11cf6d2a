using System.Collections.Immutable;
using System.Globalization;

namespace RsiSim.Core.Options;

/// <summary>An arm's validated option values, defaults included; typed getters for agents.</summary>
public sealed class OptionValues
{
    private readonly ImmutableDictionary<string, object> _values;

    public OptionValues(IEnumerable<KeyValuePair<string, object>> values) =>
        _values = values.ToImmutableDictionary(StringComparer.Ordinal);

    public static OptionValues Empty { get; } = new([]);

    /// <summary>The given values over the specs' defaults.</summary>
    public static OptionValues WithDefaults(IEnumerable<OptionSpec> specs, IEnumerable<KeyValuePair<string, object>> values)
    {
        ArgumentNullException.ThrowIfNull(specs);
        var merged = specs.Where(s => s.Default is not null).ToDictionary(s => s.Name, s => s.Default!, StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            merged[key] = value;
        }
        return new OptionValues(merged);
    }

    public IEnumerable<string> Names => _values.Keys.Order(StringComparer.Ordinal);

    public bool Has(string name) => _values.ContainsKey(name);

    public object? Raw(string name) => _values.GetValueOrDefault(name);

    public string? Text(string name) => _values.TryGetValue(name, out var v) ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    public int WholeNumber(string name, int fallback = 0) => _values.TryGetValue(name, out var v) ? Convert.ToInt32(v, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback = 0) => _values.TryGetValue(name, out var v) ? Convert.ToDouble(v, CultureInfo.InvariantCulture) : fallback;

    public bool Boolean(string name, bool fallback = false) => _values.TryGetValue(name, out var v) ? (bool)v : fallback;

    public TimeSpan? Duration(string name) => _values.TryGetValue(name, out var v) ? (TimeSpan)v : null;

    public IReadOnlyList<string> TextList(string name) => _values.TryGetValue(name, out var v) ? (IReadOnlyList<string>)v : [];

    public IReadOnlyDictionary<string, double> NumberMap(string name) =>
        _values.TryGetValue(name, out var v) ? (IReadOnlyDictionary<string, double>)v : ImmutableDictionary<string, double>.Empty;
}
