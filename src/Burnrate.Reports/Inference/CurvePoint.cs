namespace Burnrate.Reports.Inference;

/// <summary>One labelled point of an inference chart.</summary>
/// <param name="X">The horizontal value.</param>
/// <param name="Y">The vertical value.</param>
/// <param name="Label">A short label drawn beside the point (e.g. "c=32" or a configuration).</param>
public sealed record CurvePoint(double X, double Y, string Label);
