using System.Text.RegularExpressions;

namespace RsiSim.Agents.Llm.Recording;

/// <summary>Removes secrets from text before it is recorded or logged: the arm's key itself, and anything shaped like a key.</summary>
internal sealed partial class SecretRedactor(string? key)
{
    public const string Mask = "[redacted]";

    // Short keys are not masked by value: "abc" would also mask innocent text; they are still masked by shape.
    private readonly string? _key = key is { Length: >= 8 } ? key : null;

    public static SecretRedactor None { get; } = new(null);

    /// <summary>True for header names whose value is always a secret.</summary>
    public static bool IsSecretHeader(string name) =>
        name.Equals("Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("api-key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("x-api-key", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase)
        || name.Equals("Cookie", StringComparison.OrdinalIgnoreCase);

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_key is not null)
        {
            text = text.Replace(_key, Mask, StringComparison.Ordinal);
        }
        text = BearerToken().Replace(text, "Bearer " + Mask);
        text = KeyShaped().Replace(text, Mask);
        return SecretField().Replace(text, m => m.Groups["name"].Value + Mask + m.Groups["close"].Value);
    }

    public string? RedactNullable(string? text) => text is null ? null : Redact(text);

    [GeneratedRegex(@"Bearer\s+[A-Za-z0-9._~+/=-]{8,}", RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    // OpenAI (sk-, sk-proj-), Anthropic (sk-ant-), GitHub (ghp_), Google (AIza), Slack (xox?-) and AWS access key shapes.
    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_-]{16,}|ghp_[A-Za-z0-9]{20,}|AIza[0-9A-Za-z_-]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16})", RegexOptions.CultureInvariant)]
    private static partial Regex KeyShaped();

    // "api_key": "...", "apiKey":"...", "authorization": "...", "password": "..." in JSON.
    [GeneratedRegex(@"(?<name>""(?:api[-_]?key|authorization|password|secret|access[-_]?token)""\s*:\s*"")(?<value>[^""]+)(?<close>"")", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SecretField();
}
