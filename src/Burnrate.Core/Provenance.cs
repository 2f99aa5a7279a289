namespace Burnrate.Core;

/// <summary>Where a number comes from: a datasheet, paper, model card or price page, and the date it was true.</summary>
/// <param name="Source">The title or URL of the source.</param>
/// <param name="AsOf">The date the figure was published or read.</param>
public sealed record Provenance(string Source, DateOnly AsOf);
