using System.Collections;
using System.Globalization;

namespace Burnrate.Core.Validation;

/// <summary>
/// Collects <see cref="FieldError"/>s while a request checks its fields, so <c>Validate()</c> reports every bad field at once.
/// Every numeric check rejects NaN and ±Infinity and has a finite upper bound, so no input can overflow an estimator.
/// </summary>
public sealed class FieldChecks : IReadOnlyList<FieldError>
{
    private readonly List<FieldError> _errors = [];

    /// <inheritdoc />
    public int Count => _errors.Count;

    /// <inheritdoc />
    public FieldError this[int index] => _errors[index];

    /// <summary>Adds an error.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value given.</param>
    /// <param name="allowed">What is allowed.</param>
    /// <returns>This collector.</returns>
    public FieldChecks Add(string field, string value, string allowed)
    {
        _errors.Add(new FieldError(field, value, allowed));
        return this;
    }

    /// <summary>Adds the errors of a nested request, prefixing nothing (nested field names are already unique).</summary>
    /// <param name="errors">The nested errors.</param>
    /// <returns>This collector.</returns>
    public FieldChecks AddRange(IEnumerable<FieldError> errors)
    {
        _errors.AddRange(errors);
        return this;
    }

    /// <summary>Checks that <paramref name="value"/> (when given) is finite and in [<paramref name="min"/>, <paramref name="max"/>],
    /// or (<paramref name="min"/>, …] when <paramref name="minExclusive"/>, or […, <paramref name="max"/>) when <paramref name="maxExclusive"/>.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value, or null when not given (then nothing is checked).</param>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound (finite).</param>
    /// <param name="minExclusive">Whether the lower bound itself is excluded.</param>
    /// <param name="maxExclusive">Whether the upper bound itself is excluded.</param>
    /// <param name="unit">A unit appended to the allowed range, e.g. "W" or "tokens".</param>
    /// <returns>This collector.</returns>
    public FieldChecks Range(string field, double? value, double min, double max, bool minExclusive = false, bool maxExclusive = false, string unit = "")
    {
        if (value is not { } v)
        {
            return this;
        }

        bool ok = double.IsFinite(v) && (minExclusive ? v > min : v >= min) && (maxExclusive ? v < max : v <= max);
        if (!ok)
        {
            string range = (minExclusive ? "(" : "[") + Show(min) + ", " + Show(max) + (maxExclusive ? ")" : "]");
            Add(field, Show(v), "a number in " + range + (unit.Length > 0 ? " " + unit : ""));
        }

        return this;
    }

    /// <summary>Checks that <paramref name="value"/> (when given) is a finite number above zero and at most <paramref name="max"/>.</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="unit">A unit appended to the allowed range.</param>
    /// <returns>This collector.</returns>
    public FieldChecks Positive(string field, double? value, double max, string unit = "") => Range(field, value, 0, max, minExclusive: true, unit: unit);

    /// <summary>Checks that <paramref name="value"/> (when given) is a finite fraction in (0, 1].</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value, or null.</param>
    /// <returns>This collector.</returns>
    public FieldChecks Fraction(string field, double? value) => Range(field, value, 0, 1, minExclusive: true);

    /// <summary>Checks that <paramref name="value"/> (when given) is an efficiency (achieved ÷ peak) in [0.001, 1]: a smaller one
    /// makes every time infinite (Inference.EfficiencyFactors.Minimum).</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value, or null.</param>
    /// <returns>This collector.</returns>
    public FieldChecks Efficiency(string field, double? value) => Range(field, value, Inference.EfficiencyFactors.Minimum, 1);

    /// <summary>Checks that a whole number (when given) is in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value, or null.</param>
    /// <param name="min">The smallest allowed value.</param>
    /// <param name="max">The largest allowed value.</param>
    /// <param name="unit">A unit appended to the allowed range.</param>
    /// <returns>This collector.</returns>
    public FieldChecks Whole(string field, long? value, long min, long max, string unit = "")
    {
        if (value is { } v && (v < min || v > max))
        {
            Add(field, v.ToString(CultureInfo.InvariantCulture), $"a whole number in [{min.ToString(CultureInfo.InvariantCulture)}, {max.ToString(CultureInfo.InvariantCulture)}]" + (unit.Length > 0 ? " " + unit : ""));
        }

        return this;
    }

    /// <summary>Gets the value shown for a list given with no items (JSON <c>[]</c>): it was given, so it is not "missing".</summary>
    public const string EmptyList = "[]";

    /// <summary>Checks that <paramref name="list"/> (when given) holds at least one item. An empty list is reported as
    /// <see cref="EmptyList"/> with what it may hold and "(the list given is empty)", never as a missing field.</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="field">The field's name.</param>
    /// <param name="list">The list, or null when not given (then nothing is checked).</param>
    /// <param name="allowed">What the list may hold, e.g. "at least one of bf16, fp8".</param>
    /// <returns>This collector.</returns>
    public FieldChecks NotEmpty<T>(string field, IReadOnlyCollection<T>? list, string allowed) =>
        list is { Count: 0 } ? Add(field, EmptyList, allowed + " (the list given is empty)") : this;

    /// <summary>Checks that <paramref name="list"/> (when given) holds at most <paramref name="max"/> items. A request's work grows with
    /// its lists, so a list over its cap is refused as a whole: its entries are not checked one by one (a 1 MB body holds 200,000).</summary>
    /// <typeparam name="T">The item type.</typeparam>
    /// <param name="field">The field's name.</param>
    /// <param name="list">The list, or null when not given.</param>
    /// <param name="max">The most items allowed.</param>
    /// <param name="why">Why there is a cap, e.g. "in one search (its time grows with the product of the lists; split it)".</param>
    /// <param name="fits">Whether the list is within its cap (check its entries only then).</param>
    /// <returns>This collector.</returns>
    public FieldChecks AtMost<T>(string field, IReadOnlyCollection<T>? list, int max, string why, out bool fits)
    {
        fits = list is null || list.Count <= max;
        return Require(fits, field, Quantities.NumberText.Grouped(list?.Count ?? 0) + " values", $"at most {Quantities.NumberText.Grouped(max)} values {why}");
    }

    /// <summary>Adds an error when <paramref name="condition"/> is false.</summary>
    /// <param name="condition">Whether the field is fine.</param>
    /// <param name="field">The field's name.</param>
    /// <param name="value">The value given.</param>
    /// <param name="allowed">What is allowed.</param>
    /// <returns>This collector.</returns>
    public FieldChecks Require(bool condition, string field, string value, string allowed) => condition ? this : Add(field, value, allowed);

    /// <inheritdoc />
    public IEnumerator<FieldError> GetEnumerator() => _errors.GetEnumerator();

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Gets the value as shown in an error: the shortest round-trip invariant text.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The text.</returns>
    public static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
}
