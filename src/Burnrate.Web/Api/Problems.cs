using Burnrate.Catalog;
using Burnrate.Core.Validation;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Burnrate.Web;

/// <summary>
/// RFC 7807 problem responses (<c>application/problem+json</c>). A 400 carries ASP.NET Core's <c>errors</c> map (field → messages)
/// and a <c>fields</c> extension member (RFC 7807 §3.2): one <c>{field, value, allowed}</c> object per bad field, mapped from the
/// library's <see cref="FieldError"/>s, so a client can mark the field and say what is allowed without parsing a message.
/// </summary>
internal static class Problems
{
    /// <summary>Writes a problem response.</summary>
    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>A 400 validation problem: every bad field with what is wrong.</summary>
    /// <param name="errors">Field name (the request's camelCase name) → messages.</param>
    /// <returns>The result.</returns>
    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        Build([.. errors.SelectMany(e => e.Value.Select(m => (e.Key, m, new ProblemField(e.Key, "", m))))], "");

    /// <summary>A 400 validation problem for one bad field.</summary>
    public static ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>A 400 validation problem naming every bad field of a request (the same errors the CLI prints, one per field).</summary>
    /// <param name="error">The library's input error.</param>
    /// <returns>The result.</returns>
    public static ValidationProblem Invalid(InputException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        IReadOnlyList<FieldError> fields = error.Errors.Count > 0 ? error.Errors : [new FieldError("", "", error.Message)];
        return Build(
            [.. fields.Select(e => (Field(e), e.Describe(Field(e)), new ProblemField(Field(e), e.Value, e.Allowed)))],
            error.Location is { } at ? $" ({at})" : "");
    }

    /// <summary>A 400 validation problem from field errors and from messages a library attributes to a field as a whole (a file's line and column).</summary>
    /// <param name="fields">Field errors (field, value, allowed).</param>
    /// <param name="messages">Field → message.</param>
    /// <returns>The result.</returns>
    public static ValidationProblem Invalid(IEnumerable<FieldError> fields, IEnumerable<KeyValuePair<string, string>> messages) =>
        Build(
            [.. fields.Select(e => (Field(e), e.Describe(Field(e)), new ProblemField(Field(e), e.Value, e.Allowed))),
             .. messages.Select(m => (m.Key, m.Value, new ProblemField(m.Key, "", m.Value)))],
            "");

    /// <summary>A 400 validation problem from lines a library phrased with CLI option names (<c>--by: …</c>): each line goes to the
    /// camelCase field it names (<c>by</c>), or to <paramref name="fallback"/>.</summary>
    /// <param name="lines">The library's messages.</param>
    /// <param name="fallback">The field for lines that name none.</param>
    /// <returns>The result.</returns>
    public static ValidationProblem InvalidOptions(IEnumerable<string> lines, string fallback)
    {
        var items = new List<(string, string, ProblemField)>();
        foreach (string line in lines)
        {
            int colon = line.IndexOf(": ", StringComparison.Ordinal);
            (string field, string message) = line.StartsWith("--", StringComparison.Ordinal) && colon > 2 ? (Camel(line[2..colon]), line[(colon + 2)..]) : (fallback, line);
            items.Add((field, message, new ProblemField(field, "", message)));
        }

        return Build(items, "");
    }

    /// <summary>A 400 validation problem from a catalog or scenario error, attributed to <paramref name="field"/>.</summary>
    public static ValidationProblem Invalid(string field, CatalogException error) => Invalid(field, error.Message);

    private static ValidationProblem Build(IReadOnlyList<(string Field, string Message, ProblemField Item)> items, string suffix) =>
        TypedResults.ValidationProblem(
            items.GroupBy(i => i.Field, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(i => i.Message).ToArray(), StringComparer.Ordinal),
            title: "Invalid input",
            detail: string.Join("; ", items.Select(i => $"{i.Field}: {i.Message}")) + suffix,
            extensions: new Dictionary<string, object?>(StringComparer.Ordinal) { ["fields"] = items.Select(i => i.Item).ToArray() });

    // The library names a bad field after its request record's member (kvCache, tensorParallel); request bodies use the CLI's
    // option names in camelCase (kv, tp), as the CLI's errors name the option (OptionNames): a 400 names the member the client sent.
    private static readonly Dictionary<string, string> BodyNames = new(StringComparer.Ordinal)
    {
        ["kvCache"] = "kv",
        ["tensorParallel"] = "tp",
        ["pipelineParallel"] = "pp",
        ["expertParallel"] = "ep",
        ["dataParallel"] = "dp",
        ["sequenceLength"] = "seqLen",
    };

    private static string Field(FieldError e) => e.Field.Length == 0 ? "request" : BodyNames.GetValueOrDefault(e.Field, e.Field);

    private static string Camel(string option) =>
        string.Concat(option.Split('-', StringSplitOptions.RemoveEmptyEntries).Select((p, i) => i == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}

/// <summary>One bad field of a problem response: the request member, the value given and what is allowed.</summary>
/// <param name="Field">The request's camelCase member ("request" for the input as a whole).</param>
/// <param name="Value">The value given, as text ("" when missing or not known).</param>
/// <param name="Allowed">What is allowed (or, where the library gives only a message, the message).</param>
public sealed record ProblemField(string Field, string Value, string Allowed);
