using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Burnrate.Web.Dashboard;

/// <summary>The dashboard's scripts, styles and the vendored chart library, embedded in the assembly and served from memory at <c>/assets/…</c>.</summary>
internal static class Assets
{
    private static readonly FrozenDictionary<string, Asset> Files = Load();

    /// <summary>Maps <c>GET /assets/{**path}</c>.</summary>
    public static void MapAssets(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/assets/{**path}", Serve).ExcludeFromDescription();

    private static IResult Serve(string path, HttpContext context)
    {
        if (!Files.TryGetValue(path, out Asset? asset))
        {
            return TypedResults.NotFound();
        }

        if (context.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        context.Response.Headers.ETag = asset.ETag;
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Bytes(asset.Bytes, asset.ContentType);
    }

    private static FrozenDictionary<string, Asset> Load()
    {
        Assembly assembly = typeof(Assets).Assembly;
        var files = new Dictionary<string, Asset>(StringComparer.Ordinal);
        const string Prefix = "wwwroot/";
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using Stream stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] bytes = buffer.ToArray();
            string path = name[Prefix.Length..].Replace('\\', '/');
            string type = Path.GetExtension(path) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".json" => "application/json",
                ".yaml" => "text/yaml; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "text/plain; charset=utf-8",
            };
            files[path] = new Asset(bytes, type, new EntityTagHeaderValue($"\"{Convert.ToHexString(SHA256.HashData(bytes))[..16]}\"").ToString());
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record Asset(byte[] Bytes, string ContentType, string ETag);
}
