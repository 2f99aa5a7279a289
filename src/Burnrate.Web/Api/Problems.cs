using Burnrate.Catalog;

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

    /// <summary>A 400 validation problem from a catalog or scenario error, attributed to <paramref name="field"/>.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem Invalid(string field, CatalogException error) => Invalid(field, error.Message);
}
