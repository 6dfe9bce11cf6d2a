namespace RsiSim.Agents.Persona;

/// <summary>The built-in profiles: the models of the published table, by date, and a skilled human.</summary>
/// <remarks>
/// Capabilities rise with the date; the published figures are what <c>rsisim calibrate</c> fits to. Token
/// counts and prices are assumptions of a typical coding-agent turn at each model's list price, documented in
/// docs/personas.md; the human costs no tokens and takes half an hour per attempt.
/// </remarks>
public static class PersonaProfiles
{
    public static IReadOnlyList<PersonaProfile> All { get; } =
    [
        new("sonnet-4", "2025-05", 0.725, 6, 40_000, 5_000, 3m, 15m, 1.875),
        new("opus-4", "2025-05", 0.8, 7, 40_000, 5_000, 15m, 75m, 2.993),
        new("opus-4.1", "2025-08", 0.818, 7, 40_000, 5_000, 15m, 75m, 2.837),
        new("sonnet-4.5", "2025-09", 1.108, 6, 40_000, 5_000, 3m, 15m, 5.5),
        new("opus-4.5", "2025-11", 1.82, 6, 40_000, 5_000, 5m, 25m, 16.53),
        new("opus-4.6", "2026-02", 2.0, 6, 40_000, 5_000, 5m, 25m, 34),
        new("mythos-preview", "2026-04", 2.2, 6, 40_000, 5_000, 15m, 75m, 51.91),
        new("human-expert", "", 1.672, 30, 0, 0, 0m, 0m, null),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    public static PersonaProfile? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}
