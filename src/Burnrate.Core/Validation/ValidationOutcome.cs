namespace Burnrate.Core.Validation;

/// <summary>A case with the model's prediction and its signed error.</summary>
/// <param name="Case">The case.</param>
/// <param name="Predicted">The model's value, in the unit of the case's metric.</param>
public sealed record ValidationOutcome(ValidationCase Case, double Predicted)
{
    /// <summary>Gets the signed error in percent: (predicted − measured) ÷ measured × 100 (positive = the model says more).</summary>
    public double ErrorPercent => (Predicted - Case.Measured) / Case.Measured * 100;
}
