namespace Burnrate.Planning.Projection;

/// <summary>A preset's deterministic projection.</summary>
/// <param name="Name">The preset's name (best, base, worst or the file's own).</param>
/// <param name="Statement">The monthly statement.</param>
public sealed record PresetProjection(string Name, MonthlyStatement Statement);
