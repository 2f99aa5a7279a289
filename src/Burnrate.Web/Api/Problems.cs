using Burnrate.Catalog;
using Burnrate.Core.Validation;

namespace Burnrate.Web;

/// <summary>RFC 7807 problem responses (<c>application/problem+json</c>) for errors the middleware answers before any endpoint runs.</summary>
internal static class Problems
{
    /// <summary>Writes a problem response.</summary>
    public static Task Write(HttpContext context, int status, string title, string detail) =>
        Results.Problem(detail: detail, statusCode: status, title: title).ExecuteAsync(context);

    /// <summary>A 400 validation problem for bad input: every bad field with what is wrong and what is allowed.</summary>
    /// <param name="errors">Field name (the request's camelCase name) → messages.</param>
    /// <returns>The result.</returns>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Invalid input", detail: string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))));

    /// <summary>A 400 validation problem for one bad field.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, string message) =>
        Invalid(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [message] });

    /// <summary>A 400 validation problem naming every bad field of a request (the same errors the CLI prints, one per field).</summary>
    /// <param name="error">The library's input error.</param>
    /// <returns>The result.</returns>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(InputException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Invalid(error.Errors.GroupBy(e => e.Field.Length == 0 ? "request" : e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Describe(e.Field)).ToArray(), StringComparer.Ordinal));
    }

    /// <summary>A 400 validation problem from a catalog or scenario error, attributed to <paramref name="field"/>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, CatalogException error) => Invalid(field, error.Message);
}
