using System.Text;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Planning.Derivation;
using static Burnrate.Reports.Planning.ReportHtml;

namespace Burnrate.Reports.Planning;

/// <summary>The report's cost-model cards: each <c>from:</c> entry with the whole infer or train answer behind its figure.</summary>
public static partial class ScenarioReport
{
    private static void CostCard(StringBuilder html, CostDerivation derivation)
    {
        Assumption d = derivation.Summary;
        int colon = d.Source.IndexOf(": ", StringComparison.Ordinal);
        (string command, string how) = colon > 0 ? (d.Source[..colon], d.Source[(colon + 2)..]) : (d.Source, "");
        html.Append("<article class=\"card derivation\"><h3>").Append(E(Title(d.Name))).Append("</h3><p class=\"big\">").Append(E(d.Value)).Append("</p>")
            .Append("<pre><code>").Append(E(command)).Append("</code></pre>");
        if (how.Length > 0)
        {
            html.Append("<p class=\"note\">").Append(E(how)).Append("</p>");
        }

        if (derivation.Infer is { } infer)
        {
            InferTable(html, infer);
        }

        if (derivation.Train is { } train)
        {
            TrainTable(html, train);
        }

        html.Append("</article>\n");
    }

    // What `burnrate infer` answers for the entry: the deployment, latency, throughput, memory, bottleneck and the four cost figures.
    private static void InferTable(StringBuilder html, InferReport r)
    {
        html.Append("<table class=\"derived\" data-use-case=\"infer\">");
        Fact(html, "deployment", $"{r.Model} on {r.Gpus}×{r.Gpu}, weights {r.Weights}, KV cache {r.Kv}, tp {r.Tp} × pp {r.Pp}, {r.Replicas} replica" + (r.Replicas == 1 ? "" : "s"));
        Fact(html, "request", $"{NumberText.Grouped(r.InputTokens)} in + {NumberText.Grouped(r.OutputTokens)} out tokens, {NumberText.Grouped(r.Concurrency)} concurrent (at most {NumberText.Grouped(r.MaxConcurrency)} fit)");
        Fact(html, "time to first token", NumberText.Milliseconds(r.TtftSeconds) + " ms");
        Fact(html, "time per output token", NumberText.Milliseconds(r.TpotSeconds, "0.##") + " ms");
        Fact(html, "end-to-end latency", r.E2eSeconds is { } e2e ? NumberText.Format(e2e, "0.###") + " s" : "-");
        Fact(html, "throughput", $"{Maybe(r.OutputTokensPerSecond, "#,0")} output tokens/s, {Maybe(r.RequestsPerSecond, "0.##")} requests/s");
        Fact(html, "memory per GPU", $"{new Bytes(r.MemoryPerGpuBytes)} ({new Bytes(r.WeightBytesPerGpu)} weights, {new Bytes(r.KvCacheBytesPerToken)} KV per token)" + (r.FitsInMemory ? ", fits" : ", does not fit"));
        Fact(html, "bound by", $"decode {r.DecodeBound ?? "-"}, prefill {r.PrefillBound ?? "-"}");
        Fact(html, "cost per hour", Money(r.CostPerHourUsd));
        Fact(html, "cost per 1M input tokens", Money(r.CostPerMillionInputTokensUsd));
        Fact(html, "cost per 1M output tokens", Money(r.CostPerMillionOutputTokensUsd));
        Fact(html, "cost per request", r.CostPerRequestUsd is { } request ? "$" + NumberText.Significant(request, 4) : "-");
        Fact(html, "energy per output token", r.EnergyJoulesPerOutputToken is { } joules ? NumberText.Significant(joules, 3) + " J" : "-");
        html.Append("</table>");
    }

    // What `burnrate train` answers for the entry: the work, the time, the GPU-hours, energy and cost.
    private static void TrainTable(StringBuilder html, TrainReport r)
    {
        html.Append("<table class=\"derived\" data-use-case=\"train\">");
        Fact(html, "model", $"{r.Model}: {SiFormat.Count(r.TotalParams)} parameters ({SiFormat.Count(r.ActiveParams)} active)");
        Fact(html, "run", $"{Tokens(r.Tokens)} tokens of {NumberText.Grouped(r.SeqLen)}, {r.Precision} on {NumberText.Grouped(r.Gpus)}×{r.Gpu}, {r.Sharding}, recompute {r.Recompute}");
        Fact(html, "training FLOP", NumberText.Scientific(r.TrainingFlops) + " (6·N·D + attention)");
        Fact(html, "MFU", NumberText.Percent(r.Mfu) + " of " + SiFormat.Format(r.PeakFlopsPerSecondPerGpu, "FLOP/s") + " per GPU");
        Fact(html, "wall-clock", NumberText.Format(r.WallClockDays, "0.#") + " days");
        Fact(html, "GPU-hours", NumberText.Grouped(r.GpuHours) + " at $" + NumberText.Format(r.PricePerGpuHourUsd, "0.00") + "/GPU-h");
        Fact(html, "memory per GPU", $"{new Bytes(r.MemoryPerGpuBytes)} of {new Bytes(r.GpuMemoryBytes)}");
        Fact(html, "energy", NumberText.Grouped(r.EnergyKWh) + " kWh");
        Fact(html, "cost", Usd(r.CostUsd));
        html.Append("</table>");
    }

    private static void Fact(StringBuilder html, string label, string value) =>
        html.Append("<tr><th scope=\"row\">").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    private static string Maybe(double? value, string pattern) => value is { } v ? NumberText.Format(v, pattern) : "-";

    private static string Money(double? usd) => usd is { } v ? "$" + NumberText.Format(v, v >= 100 ? "#,0" : "0.00##") : "-";
}
