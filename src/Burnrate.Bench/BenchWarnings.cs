using Burnrate.Bench.Load;
using Burnrate.Bench.Metrics;

namespace Burnrate.Bench;

/// <summary>What a reader of a bench result should know first: a likely wrong URL, a search that ran out of range.</summary>
internal static class BenchWarnings
{
    public static IReadOnlyList<string>? Of(BenchRequest request, IReadOnlyList<LevelResult> levels, MaxGoodputResult? search)
    {
        var warnings = new List<string>();
        IEnumerable<LevelResult> all = [.. levels, .. search?.Probes ?? []];
        int notFound = all.Sum(l => l.ErrorsByKind.GetValueOrDefault("http_404"));
        if (notFound > 0 && all.Sum(l => l.Completed) == 0)
        {
            warnings.Add($"every request got HTTP 404 from {request.Url}" + VersionPathHint(request.Url));
        }

        if (search is { Bracket: "above-high" })
        {
            warnings.Add($"even the top of the search range ({Rate(request.SearchHighRate)} req/s) met the SLOs: the highest rate is beyond the range; raise --search-range");
        }
        else if (search is { Bracket: "below-low" })
        {
            warnings.Add($"even the bottom of the search range ({Rate(request.SearchLowRate)} req/s) missed the SLOs: lower --search-range");
        }

        return warnings.Count > 0 ? warnings : null;
    }

    /// <summary>Gets a hint when the URL's path does not end in a version segment such as /v1, else "".</summary>
    public static string VersionPathHint(Uri url)
    {
        string path = url.AbsolutePath.TrimEnd('/');
        bool versioned = System.Text.RegularExpressions.Regex.IsMatch(path, @"/v\d+[a-z]*$");
        return versioned ? "" : $"; OpenAI-compatible servers serve under /v1: try --url {url.GetLeftPart(UriPartial.Authority)}{path}/v1";
    }

    private static string Rate(double r) => r.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
