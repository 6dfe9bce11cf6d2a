using System.Globalization;
using System.Text;

namespace RsiSim.Worker.Protocol;

/// <summary>The JSON the protocol speaks, read and written by plain loops: one object per line, whose values are strings,
/// numbers, true, false, null or, one level down only, objects of the same.</summary>
/// <remarks>
/// Not System.Text.Json: a fresh worker runs with tiered compilation off, and the framework's JSON reader and writer
/// lean on vectorised searches and transcoders that precompiled code leaves to the JIT. Parsing an 86-character "load"
/// line took a fresh worker 14 to 15 ms, writing its "loaded" 5 (worker trace, 2026-11-28), on the evaluation's path;
/// these loops are precompiled with the worker. Anything else JSON allows (arrays, deeper objects) is not a protocol
/// line, and neither is anything JSON does not allow.
/// </remarks>
internal static class ProtocolJson
{
    /// <summary>One property of an object: its value a <see cref="string"/>, a <see cref="Number"/>, a <see cref="bool"/>,
    /// null, or (one level down only) a list of members.</summary>
    internal sealed class Member(string name, object? value)
    {
        public string Name => name;

        public object? Value => value;
    }

    /// <summary>A number as its JSON text, read as the type the message wants when it is asked for.</summary>
    internal sealed class Number(string text)
    {
        public string Text => text;
    }

    /// <summary>The members of the object the line holds, in order; null when the line holds anything else.</summary>
    public static List<Member>? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int at = 0;
        var members = Object(line, ref at, nested: false);
        SkipSpace(line, ref at);
        return at == line.Length ? members : null;
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string: quotes, backslashes and control characters escaped,
    /// everything else as it is.</summary>
    public static StringBuilder AppendString(StringBuilder json, string value)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(value);
        json.Append('"');
        int plain = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c is not ('"' or '\\') && c >= ' ')
            {
                continue;
            }
            json.Append(value, plain, i - plain).Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\b' => "\\b",
                '\f' => "\\f",
                _ => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
            plain = i + 1;
        }
        return json.Append(value, plain, value.Length - plain).Append('"');
    }

    private static List<Member>? Object(string s, ref int at, bool nested)
    {
        SkipSpace(s, ref at);
        if (!Take(s, ref at, '{'))
        {
            return null;
        }
        var members = new List<Member>();
        SkipSpace(s, ref at);
        if (Take(s, ref at, '}'))
        {
            return members;
        }
        while (true)
        {
            SkipSpace(s, ref at);
            if (String(s, ref at) is not { } name)
            {
                return null;
            }
            SkipSpace(s, ref at);
            if (!Take(s, ref at, ':') || !Value(s, ref at, nested, out object? value))
            {
                return null;
            }
            members.Add(new Member(name, value));
            SkipSpace(s, ref at);
            if (Take(s, ref at, '}'))
            {
                return members;
            }
            if (!Take(s, ref at, ','))
            {
                return null;
            }
        }
    }

    private static bool Value(string s, ref int at, bool nested, out object? value)
    {
        SkipSpace(s, ref at);
        value = null;
        if (at >= s.Length)
        {
            return false;
        }
        switch (s[at])
        {
            case '"':
                value = String(s, ref at);
                return value is not null;
            case '{' when !nested:
                value = Object(s, ref at, nested: true);
                return value is not null;
            case 'n':
                return Word(s, ref at, "null");
            case 't':
                value = true;
                return Word(s, ref at, "true");
            case 'f':
                value = false;
                return Word(s, ref at, "false");
            case '-' or (>= '0' and <= '9'):
                value = NumberAt(s, ref at);
                return value is not null;
            default:
                return false;
        }
    }

    // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private static Number? NumberAt(string s, ref int at)
    {
        int start = at;
        Take(s, ref at, '-');
        if (Take(s, ref at, '0'))
        {
            // no further digits after a leading zero
        }
        else if (Digits(s, ref at) == 0)
        {
            return null;
        }
        if (Take(s, ref at, '.') && Digits(s, ref at) == 0)
        {
            return null;
        }
        if (Take(s, ref at, 'e') || Take(s, ref at, 'E'))
        {
            _ = Take(s, ref at, '+') || Take(s, ref at, '-');
            if (Digits(s, ref at) == 0)
            {
                return null;
            }
        }
        return new Number(s[start..at]);
    }

    private static int Digits(string s, ref int at)
    {
        int start = at;
        while (at < s.Length && s[at] is >= '0' and <= '9')
        {
            at++;
        }
        return at - start;
    }

    private static string? String(string s, ref int at)
    {
        if (!Take(s, ref at, '"'))
        {
            return null;
        }
        StringBuilder? escaped = null;
        int plain = at;
        while (at < s.Length)
        {
            char c = s[at];
            if (c == '"')
            {
                string text = escaped is null ? s[plain..at] : escaped.Append(s, plain, at - plain).ToString();
                at++;
                return text;
            }
            if (c < ' ')
            {
                return null;
            }
            if (c != '\\')
            {
                at++;
                continue;
            }
            escaped ??= new StringBuilder();
            escaped.Append(s, plain, at - plain);
            if (++at >= s.Length)
            {
                return null;
            }
            char e = s[at++];
            switch (e)
            {
                case '"' or '\\' or '/':
                    escaped.Append(e);
                    break;
                case 'n':
                    escaped.Append('\n');
                    break;
                case 'r':
                    escaped.Append('\r');
                    break;
                case 't':
                    escaped.Append('\t');
                    break;
                case 'b':
                    escaped.Append('\b');
                    break;
                case 'f':
                    escaped.Append('\f');
                    break;
                case 'u' when at + 4 <= s.Length && int.TryParse(s.AsSpan(at, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code):
                    escaped.Append((char)code);
                    at += 4;
                    break;
                default:
                    return null;
            }
            plain = at;
        }
        return null;
    }

    private static bool Word(string s, ref int at, string word)
    {
        if (string.CompareOrdinal(s, at, word, 0, word.Length) != 0)
        {
            return false;
        }
        at += word.Length;
        return true;
    }

    private static bool Take(string s, ref int at, char c)
    {
        if (at < s.Length && s[at] == c)
        {
            at++;
            return true;
        }
        return false;
    }

    private static void SkipSpace(string s, ref int at)
    {
        while (at < s.Length && s[at] is ' ' or '\t' or '\r' or '\n')
        {
            at++;
        }
    }
}
