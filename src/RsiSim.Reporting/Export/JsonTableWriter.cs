using System.Text.Json;

namespace RsiSim.Reporting.Export;

/// <summary>Writes a table as a JSON array of objects with the CSV's column names; 64-bit unsigned numbers as strings, missing values and NaN as null.</summary>
internal static class JsonTableWriter
{
    public static void Write<TRow>(string path, IReadOnlyList<ExportColumn<TRow>> columns, IEnumerable<TRow> rows)
    {
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartArray();
        foreach (var row in rows)
        {
            json.WriteStartObject();
            foreach (var column in columns)
            {
                json.WritePropertyName(column.Name);
                Value(json, column.Value(row));
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void Value(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case double d when !double.IsFinite(d):
                json.WriteNullValue();
                break;
            case double d:
                json.WriteNumberValue(d);
                break;
            case int i:
                json.WriteNumberValue(i);
                break;
            case long l:
                json.WriteNumberValue(l);
                break;
            case decimal m:
                json.WriteNumberValue(m);
                break;
            case bool b:
                json.WriteBooleanValue(b);
                break;
            case DateTimeOffset t:
                json.WriteStringValue(t);
                break;
            default:
                // ulong seeds go here too: many JSON readers lose digits above 2^53.
                json.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
