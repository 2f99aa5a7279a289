namespace Burnrate.Bench;

/// <summary>One bad field of a request: its name, the value given and what is allowed.</summary>
/// <param name="Field">The request property, e.g. "TimeoutSeconds".</param>
/// <param name="Value">The value given, as text.</param>
/// <param name="Allowed">What is allowed, in words.</param>
public sealed record FieldError(string Field, string Value, string Allowed);
