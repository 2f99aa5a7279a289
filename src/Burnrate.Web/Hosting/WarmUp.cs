using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using System.Text;

namespace Burnrate.Web.Hosting;

/// <summary>
/// Sends the API's hot requests (the catalog, the issue's <c>POST /api/infer</c> body, <c>POST /api/plan</c> of the api-startup
/// example with its own seed each time) to a started app over loopback, one at a time, until the JIT has compiled their code fully.
/// </summary>
/// <remarks>
/// Why: .NET compiles a method first without optimization (tier 0), then, once it has been called 30 times, with instrumentation
/// (dynamic PGO), and after 30 more calls fully optimized (tier 1) on a background thread. A server that takes load straight after
/// start serves its first few hundred requests with slow code while that background thread competes with them for the cores: on the
/// shared 2-core machine a cold server spent 35–39 ms of CPU per 10,000-path plan for its first 130 plans (the JIT's work
/// included), against 10 ms once compiled, and thousands of methods were still on the instrumented tier after 130 plans. Running
/// the same requests through the real pipeline (Kestrel, routing, JSON binding, the libraries, serialization) before the server says
/// it is ready for load pays that cost once, up front. The server answers requests during the warm-up; it is only slower.
/// The warm-up ends when a number of rounds has passed with no method compiled (<see cref="JitInfo.GetCompiledMethodCount"/>
/// unchanged), after at least <see cref="MinRounds"/> rounds (enough calls for both tier promotions), or at <see cref="MaxTime"/>.
/// </remarks>
public static class WarmUp
{
    /// <summary>The fewest rounds: more than the 2 × 30 calls the two tier promotions count, plus the 100 ms call-counting delay.</summary>
    public const int MinRounds = 90;

    /// <summary>The consecutive rounds with no method compiled after which the JIT counts as settled: more than the 30 calls a tier
    /// promotion counts, since a method called once a round compiles nothing for 30 rounds between its promotions (with 15, the
    /// warm-up ended in the middle of the instrumented tier and a cold plan still cost 41 ms of CPU; with 40, 23–28 ms).</summary>
    public const int QuietRounds = 40;

    /// <summary>The most time the warm-up takes, whatever the JIT is doing (a heavily loaded machine).</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);

    // The paths of the warm-up plans: the Monte Carlo loops are compiled fully optimized from their first call (they are marked for
    // it), so a small run warms the per-request code as well as 10,000 paths would, at a tenth of the CPU.
    private const int PlanPaths = 1_000;

    /// <summary>Warms up a started app.</summary>
    /// <param name="app">The app, started (listening).</param>
    /// <param name="settings">Its settings (the API key, when one is required, is sent as the clients send it).</param>
    /// <param name="cancellationToken">Ends the warm-up early (the server is stopping).</param>
    /// <returns>What was sent, the request that failed if one did, and how long it took.</returns>
    public static async Task<WarmUpResult> RunAsync(WebApplication app, ServeSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        var clock = Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = LoopbackUrl(BurnrateWeb.ListeningUrl(app)), Timeout = TimeSpan.FromSeconds(30) };
        if (settings.ApiKey is { } key)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        int requests = 0;
        long compiled = JitInfo.GetCompiledMethodCount();
        int quiet = 0;
        int round = 0;
        for (; round < 10_000 && clock.Elapsed < MaxTime && !cancellationToken.IsCancellationRequested; round++)
        {
            foreach ((HttpMethod method, string path, string? body) in Requests(round))
            {
                requests++;
                using var request = new HttpRequestMessage(method, path);
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                try
                {
                    using HttpResponseMessage response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        // Warming the code of an error answer is no warm-up: stop and say which request failed.
                        return new WarmUpResult(round, requests, $"{method} /{path}: {(int)response.StatusCode}", clock.Elapsed, Completed: false);
                    }
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    return new WarmUpResult(round, requests, null, clock.Elapsed, Completed: false);
                }
                catch (HttpRequestException e)
                {
                    return new WarmUpResult(round, requests, $"{method} /{path}: {e.Message}", clock.Elapsed, Completed: false);
                }
            }

            long now = JitInfo.GetCompiledMethodCount();
            quiet = now == compiled ? quiet + 1 : 0;
            compiled = now;
            if (round + 1 >= MinRounds && quiet >= QuietRounds)
            {
                return new WarmUpResult(round + 1, requests, null, clock.Elapsed, Completed: true);
            }
        }

        return new WarmUpResult(round, requests, null, clock.Elapsed, Completed: false);
    }

    private static IEnumerable<(HttpMethod Method, string Path, string? Body)> Requests(int round)
    {
        yield return (HttpMethod.Get, "api/catalog/gpus", null);
        yield return (HttpMethod.Post, "api/infer",
            """{"model": "llama-3.1-70b", "gpu": "h100-sxm", "gpus": 4, "weights": "fp8", "input": 2000, "output": 500, "concurrency": 64}""");
        // Its own seed each round: identical plans share one run (RunCache), and the point is to run the code.
        yield return (HttpMethod.Post, "api/plan", $$"""{"example": "api-startup", "paths": {{PlanPaths}}, "seed": {{1_000_000_000 + round}}}""");
    }

    // A server listening on every address (0.0.0.0, ::) is reached over loopback.
    private static Uri LoopbackUrl(string listening)
    {
        var url = new UriBuilder(listening);
        if (IPAddress.TryParse(url.Host.Trim('[', ']'), out IPAddress? address) && (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)))
        {
            url.Host = address.Equals(IPAddress.Any) ? "127.0.0.1" : "[::1]";
        }

        return url.Uri;
    }
}

/// <summary>What a warm-up did.</summary>
/// <param name="Rounds">The rounds sent (each the catalog, an infer and a plan).</param>
/// <param name="Requests">The requests sent.</param>
/// <param name="Failure">The request that was not answered 200 and ended the warm-up, e.g. "POST /api/plan: 500", or null.</param>
/// <param name="Elapsed">How long it took.</param>
/// <param name="Completed">Whether the JIT settled (false: stopped, a request failed, or <see cref="WarmUp.MaxTime"/> ran out).</param>
public sealed record WarmUpResult(int Rounds, int Requests, string? Failure, TimeSpan Elapsed, bool Completed);
