namespace Burnrate.Core.Validation;

/// <summary>The error summary of one group of cases.</summary>
/// <param name="Name">The group name.</param>
/// <param name="Count">Cases in the group.</param>
/// <param name="MedianAbsErrorPercent">Median of |error| over the group, in percent.</param>
/// <param name="WorstId">Id of the case with the largest |error|.</param>
/// <param name="WorstErrorPercent">That case's signed error, in percent.</param>
public sealed record ValidationGroup(string Name, int Count, double MedianAbsErrorPercent, string WorstId, double WorstErrorPercent);
