namespace Burnrate.Core.Validation;

/// <summary>
/// One bad input field: its name, the value given and what is allowed. Request records return these from <c>Validate()</c>;
/// the CLI maps <see cref="Field"/> to an option name and the web API to a JSON member of an RFC 7807 problem.
/// </summary>
/// <param name="Field">The field's name as the request record spells it in JSON (camelCase, e.g. <c>sloTtft</c>); empty when
/// the error is about the input as a whole, and then <paramref name="Allowed"/> is the whole message.</param>
/// <param name="Value">The value given, as text (invariant culture), or an empty string when it was missing.</param>
/// <param name="Allowed">What is allowed, phrased to follow "expected", e.g. <c>a number in (0, 1]</c>.</param>
public sealed record FieldError(string Field, string Value, string Allowed)
{
    /// <summary>Formats the error as one line with the field shown as <paramref name="displayName"/>.</summary>
    /// <param name="displayName">How the surface names the field (e.g. <c>--slo-ttft</c>).</param>
    /// <returns>One line: <c>NAME 'VALUE' is not allowed; expected ALLOWED</c> (just ALLOWED when the name is empty).</returns>
    public string Describe(string displayName) =>
        string.IsNullOrEmpty(displayName) ? Allowed
        : Value.Length == 0 ? $"{displayName} is missing; expected {Allowed}"
        : $"{displayName} '{Value}' is not allowed; expected {Allowed}";

    /// <inheritdoc />
    public override string ToString() => Describe(Field);
}
