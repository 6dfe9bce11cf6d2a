using System.Collections;
using System.Globalization;
using System.Text.Json;
using RsiSim.Core.Options;

namespace RsiSim.Storage.Writing;

/// <summary>An arm's option values as one JSON object with sorted keys; durations as "c"-format text.</summary>
internal static class OptionsJson
{
    public static string Write(OptionValues options)
    {
        return JsonLines.Write(json =>
        {
            json.WriteStartObject();
            foreach (string name in options.Names)
            {
                json.WritePropertyName(name);
                WriteValue(json, options.Raw(name));
            }
            json.WriteEndObject();
        });
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int whole:
                json.WriteNumberValue(whole);
                break;
            case long whole:
                json.WriteNumberValue(whole);
                break;
            case decimal exact:
                json.WriteNumberValue(exact);
                break;
            case double number:
                JsonLines.WriteNumber(json, number);
                break;
            case TimeSpan span:
                json.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case IReadOnlyDictionary<string, double> map:
                json.WriteStartObject();
                foreach (var (key, number) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    json.WritePropertyName(key);
                    JsonLines.WriteNumber(json, number);
                }
                json.WriteEndObject();
                break;
            case IEnumerable items:
                json.WriteStartArray();
                foreach (object? item in items)
                {
                    WriteValue(json, item);
                }
                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
