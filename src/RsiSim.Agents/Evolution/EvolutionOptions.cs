namespace RsiSim.Agents.Evolution;

/// <summary>The island model's knobs (docs/agents.md).</summary>
/// <param name="Islands">Independent populations; attempt i belongs to island i mod Islands.</param>
/// <param name="Population">The fittest candidates an island keeps.</param>
/// <param name="Tournament">Candidates drawn per tournament; the fittest of them is a parent.</param>
/// <param name="CrossoverRate">Chance a child has two parents (the union of their moves) rather than one.</param>
/// <param name="MutationRate">Chance of each mutation: adding a random applicable move, dropping one.</param>
/// <param name="MigrationInterval">Every this many attempts the best candidate of the whole trial joins every island.</param>
public sealed record EvolutionOptions(int Islands, int Population, int Tournament, double CrossoverRate, double MutationRate, int MigrationInterval);
