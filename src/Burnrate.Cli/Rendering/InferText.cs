using System.Globalization;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Spectre.Console;

namespace Burnrate.Cli.Rendering;

/// <summary>The tables of <c>burnrate infer</c>: the first configuration's figures, the concurrency sweep, the side-by-side
/// comparison and the assumptions. A configuration that does not fit in memory is named first and shows — for every
/// throughput, latency and cost figure.</summary>
internal static class InferText
{
    public const string NotPriced = "—";

    /// <summary>Writes the tables; <paramref name="console"/> writes to <paramref name="output"/>, which takes the
    /// does-not-fit lines first, unwrapped.</summary>
    public static void Write(TextWriter output, IAnsiConsole console, InferReport report, IReadOnlyList<string> files, bool showAssumptions)
    {
        foreach (string line in InfeasibleLines(report))
        {
            TextWrap.WriteLine(output, line, console.Profile.Width);
        }

        string title = $"{report.Label}, tp {report.Tp} pp {report.Pp}{(report.Replicas > 1 ? $" × {report.Replicas} replicas" : "")}: {report.InputTokens} in / {report.OutputTokens} out, concurrency {report.Concurrency}";
        var table = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
        table.AddColumn("figure");
        table.AddColumn("value");
        List<(string Name, string Value)> figures = [.. Figures(report)];
        foreach ((string name, string value) in figures)
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        // Borders and padding add 7 columns; a table of — cells can be narrower than its title, which would then wrap.
        int natural = figures.Max(f => f.Name.Length) + figures.Max(f => f.Value.Length) + 7;
        if (title.Length + 2 > natural)
        {
            table.Width = Math.Min(title.Length + 2, console.Profile.Width);
        }

        console.Write(table);
        InferBreakdownText.Write(console, report.Breakdown);
        if (report.Sweep is { Count: > 0 } sweep)
        {
            var t = new WideTable("Concurrency sweep", ["concurrency", "TTFT", "TPOT", "output tok/s", "req/s", "$/1M in", "$/1M out", "$/request", "J/out token", "fits", "decode bound"]);
            foreach (InferEstimate s in sweep)
            {
                t.AddRow(Int(s.Concurrency), Time(s.TtftSeconds), Time(s.TpotSeconds), Num(s.OutputTokensPerSecond), Num(s.RequestsPerSecond), Money(s.CostPerMillionInputTokensUsd),
                    Money(s.CostPerMillionOutputTokensUsd), Money(s.CostPerRequestUsd), Num(s.EnergyJoulesPerOutputToken), s.FitsInMemory ? "yes" : "NO", s.DecodeBound ?? NotPriced);
            }

            t.Write(console);
        }

        if (report.Compare is { Count: > 1 } compared)
        {
            var t = new WideTable("Side by side (saving = 1 − cost per request ÷ the first's)", ["figure", .. compared.Select(c => c.Label)]);
            var rows = compared.Select(c => Figures(c).ToList()).ToList();
            for (int i = 0; i < rows[0].Count; i++)
            {
                t.AddRow([rows[0][i].Name, .. rows.Select(row => row[i].Value)]);
            }

            t.AddRow(["saving vs first", .. compared.Select(c => Pct(c.SavingVsFirst))]);
            t.Write(console);
        }

        AssumptionsTable.WriteOrCount(console, report.Assumptions, showAssumptions, AssumptionsTable.OverridableTitle);
        Output.WriteWritten(console, files);
    }

    /// <summary>Writes one line per configuration that does not fit (for --json, to standard error: standard output stays JSON).</summary>
    public static void WriteInfeasible(TextWriter writer, InferReport report)
    {
        foreach (string line in InfeasibleLines(report))
        {
            writer.WriteLine(line);
        }
    }

    /// <summary>Gets one line per configuration that does not fit in memory, naming its shortfall.</summary>
    public static IEnumerable<string> InfeasibleLines(InferReport report) => report.Infeasible().Select(e => string.Create(CultureInfo.InvariantCulture,
        $"Does not fit in memory: {e.Label}, tp {e.Tp} pp {e.Pp} at concurrency {e.Concurrency} needs {new Bytes(e.MemoryPerGpuBytes)} per device, {new Bytes(e.MemoryShortfallPerGpuBytes)} more than it has (at most {e.MaxConcurrency} concurrent requests fit); throughput, latency and cost not priced ({NotPriced})."));

    private static IEnumerable<(string Name, string Value)> Figures(InferEstimate e)
    {
        yield return ("TTFT", Time(e.TtftSeconds));
        yield return ("TPOT", Time(e.TpotSeconds));
        yield return ("E2E latency", Time(e.E2eSeconds));
        yield return ("output tokens/s (deployment)", Num(e.OutputTokensPerSecond));
        yield return ("requests/s", Num(e.RequestsPerSecond));
        yield return ("decode bound", Bound(e.DecodeBound, e.DecodeComputeSeconds, e.DecodeMemorySeconds, e.DecodeCommunicationSeconds));
        yield return ("prefill bound", Bound(e.PrefillBound, e.PrefillComputeSeconds, e.PrefillMemorySeconds, e.PrefillCommunicationSeconds));
        yield return ("KV cache per token", new Bytes(e.KvCacheBytesPerToken).ToString());
        yield return ("weights per device", new Bytes(e.WeightBytesPerGpu).ToString());
        yield return ("memory per device", new Bytes(e.MemoryPerGpuBytes) + (e.FitsInMemory ? " (fits)" : $" (does NOT fit: {new Bytes(e.MemoryShortfallPerGpuBytes)} short)"));
        yield return ("max concurrency that fits", Int(e.MaxConcurrency));
        yield return ("deployment cost", e.CostPerHourUsd is { } h ? new Usd(h) + "/h" : NotPriced);
        yield return ("cost per 1M input tokens", e.CostPerMillionInputTokensUsd is { } i ? new UsdPerMillionTokens(i).ToString() : NotPriced);
        yield return ("cost per 1M output tokens", e.CostPerMillionOutputTokensUsd is { } o ? new UsdPerMillionTokens(o).ToString() : NotPriced);
        yield return ("cost per request", Money(e.CostPerRequestUsd));
        yield return ("prefill share of time", Pct(e.PrefillShare));
        yield return ("energy per output token", e.EnergyJoulesPerOutputToken is { } j ? Num(j) + " J" : NotPriced);
    }

    private static string Bound(string? bound, double? compute, double? memory, double? communication) =>
        bound is null ? NotPriced : $"{bound} (compute {Time(compute)}, memory {Time(memory)}, comm {Time(communication)})";

    private static string Time(double? seconds) => seconds is { } s ? Duration.FromSeconds(s).ToString() : NotPriced;

    private static string Int(int v) => NumberText.Whole(v);

    private static string Num(double? v) => v is { } x ? SiFormat.Plain(x) : NotPriced;

    private static string Money(double? v) => v is { } x ? SiFormat.Dollars(x) : NotPriced;

    private static string Pct(double? v) => v is { } x ? NumberText.Percent(x) : NotPriced;
}
