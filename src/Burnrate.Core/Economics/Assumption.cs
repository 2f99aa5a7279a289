namespace Burnrate.Core.Economics;

/// <summary>A named input the result depends on, shown in every output so it can be questioned and overridden.</summary>
/// <param name="Name">The name, matching the option that overrides it (e.g. "mfu").</param>
/// <param name="Value">The value as shown, with its unit.</param>
/// <param name="Source">Where the value comes from ("default: …, PaLM paper", "user", "catalog: …").</param>
public sealed record Assumption(string Name, string Value, string Source);
