using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Burnrate.Web.Hosting;

/// <summary>
/// Every response gets security headers (no sniffing, no framing, a content security policy that allows only the app's own scripts);
/// bodies over <see cref="MaxBodyBytes"/> are refused with 413; and when an API key is set, every <c>/api</c> call must send it as a
/// Bearer token (401 otherwise, compared in constant time).
/// </summary>
internal sealed class SecurityMiddleware(RequestDelegate next, ServeSettings settings)
{
    /// <summary>The largest request body accepted: 1 MB.</summary>
    public const long MaxBodyBytes = 1L << 20;

    /// <summary>The content security policy: scripts, styles, data and fetches from this origin only; no framing, plugins or base changes.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private readonly byte[]? _key = settings.ApiKey is { } key ? Encoding.UTF8.GetBytes(key) : null;

    public Task InvokeAsync(HttpContext context)
    {
        IHeaderDictionary headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes; // chunked bodies: the server stops reading at the limit
        }

        if (context.Request.ContentLength > MaxBodyBytes)
        {
            return Problems.Write(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body is {context.Request.ContentLength:N0} bytes; at most {MaxBodyBytes:N0} bytes (1 MB) are accepted.");
        }

        if (_key is not null && context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) && !Authorized(context))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return Problems.Write(context, StatusCodes.Status401Unauthorized, "API key required",
                "This server listens beyond loopback: send the key as 'Authorization: Bearer KEY' on every /api call.");
        }

        return next(context);
    }

    private bool Authorized(HttpContext context)
    {
        string header = context.Request.Headers.Authorization.ToString();
        const string Scheme = "Bearer ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] sent = Encoding.UTF8.GetBytes(header[Scheme.Length..].Trim());
        return CryptographicOperations.FixedTimeEquals(sent, _key);
    }
}
