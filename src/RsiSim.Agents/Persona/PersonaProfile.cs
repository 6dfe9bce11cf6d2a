namespace RsiSim.Agents.Persona;

/// <summary>A simulated agent: one capability figure plus what it costs and how fast it works.</summary>
/// <remarks>
/// Every behavioural parameter follows from <see cref="Capability"/> by the fixed formulas of
/// <see cref="PersonaBehaviour"/>: no profile has hand-set skills. Capabilities grow with the model's date
/// (docs/personas.md); <c>rsisim calibrate</c> refits them to target figures on the machine at hand.
/// </remarks>
/// <param name="Name">The profile's name in scenarios, e.g. "opus-4.5".</param>
/// <param name="Released">When the model it stands for came out (yyyy-MM); for the human expert, empty.</param>
/// <param name="Capability">The one figure behaviour derives from; higher knows harder moves, errs less, reverts sooner.</param>
/// <param name="MinutesPerAttempt">Simulated minutes one attempt takes.</param>
/// <param name="InputTokens">Tokens read per attempt.</param>
/// <param name="OutputTokens">Tokens written per attempt.</param>
/// <param name="InputPrice">Dollars per million input tokens.</param>
/// <param name="OutputPrice">Dollars per million output tokens.</param>
/// <param name="PublishedSpeedup">The published average best speedup it stands for, if any.</param>
public sealed record PersonaProfile(
    string Name,
    string Released,
    double Capability,
    double MinutesPerAttempt,
    long InputTokens,
    long OutputTokens,
    decimal InputPrice,
    decimal OutputPrice,
    double? PublishedSpeedup)
{
    public decimal CostPerAttempt => (InputTokens * InputPrice + OutputTokens * OutputPrice) / 1_000_000m;

    public PersonaBehaviour Behaviour => new(Capability);
}
