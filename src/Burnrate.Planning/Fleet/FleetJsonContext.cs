using System.Text.Json.Serialization;

namespace Burnrate.Planning.Fleet;

/// <summary>
/// The fleet report's JSON, source-generated (camelCase keys with units in their names, base units, NaN written as "NaN"), shared by the
/// CLI's <c>--json</c> and any other surface so the contract is defined once (docs/fleet.md, "JSON").
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(FleetReport))]
public sealed partial class FleetJsonContext : JsonSerializerContext;
