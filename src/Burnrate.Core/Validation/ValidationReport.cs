namespace Burnrate.Core.Validation;

/// <summary>The model run over a validation set: every case's outcome and the summary per group.</summary>
/// <param name="Groups">Group summaries, ordered by name.</param>
/// <param name="Outcomes">Case outcomes, in set order.</param>
public sealed record ValidationReport(IReadOnlyList<ValidationGroup> Groups, IReadOnlyList<ValidationOutcome> Outcomes);
