using System.Net;
using System.Text.Json;
using Burnrate.Core.Validation;

namespace Burnrate.Bench;

/// <summary>Finds the model to bench when none is named: the server's <c>GET /models</c> list must hold exactly one.</summary>
internal static class ModelDiscovery
{
    public static async Task<string> FindAsync(BenchRequest request, CancellationToken cancellationToken)
    {
        string models = request.Url.ToString().TrimEnd('/') + "/models";
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(Math.Min(30, request.TimeoutSeconds ?? 30)) };
        if (request.ApiKey is { Length: > 0 } key)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.GetAsync(new Uri(models), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new InputException("model", "(none)", $"a model name: GET {models} failed ({e.Message}); name the model")
            ;
        }

        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new InputException("model", "(none)", $"a model name: GET {models} answered 404" + BenchWarnings.VersionPathHint(request.Url));
            }

            string body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            List<string> ids = [];
            try
            {
                using JsonDocument doc = JsonDocument.Parse(body);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("data", out JsonElement data) && data.ValueKind == JsonValueKind.Array)
                {
                    ids.AddRange(data.EnumerateArray()
                        .Where(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("id", out JsonElement id) && id.ValueKind == JsonValueKind.String)
                        .Select(m => m.GetProperty("id").GetString()!));
                }
            }
            catch (JsonException)
            {
                // Not a model list: reported below.
            }

            return ids.Count switch
            {
                1 => ids[0],
                0 => throw new InputException("model", "(none)", $"a model name: GET {models} listed no model (HTTP {(int)response.StatusCode})"),
                _ => throw new InputException("model", "(none)", $"one of the models the server lists: {string.Join(", ", ids.Take(10))}"),
            };
        }
    }
}
