namespace Burnrate.Planning.Fleet;

/// <summary>A serving unit (one replica of a model on some accelerators) and the tokens per second it sustains within the SLO.</summary>
/// <param name="Name">The entry's name, referred to by options.</param>
/// <param name="CapacityTokensPerSecond">Tokens per second one unit serves at the SLO (given, or derived by the cost model).</param>
/// <param name="Derivation">How the capacity was obtained (shown in the output's assumptions).</param>
public sealed record ServingEntry(string Name, double CapacityTokensPerSecond, string Derivation);
