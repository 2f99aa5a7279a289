using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Burnrate.Ledger.Import;
using Burnrate.Catalog;
using Burnrate.Ledger.Reporting;
using Burnrate.Ledger.SelfHosted;

namespace Burnrate.Ledger.Tests.Store;

/// <summary>Every report a ledger gives, as one text with exact amounts (not rounded to the cent), to compare stores.</summary>
internal static class LedgerFingerprint
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Converters = { new ExactMoney() } };

    /// <summary>
    /// Gets the self-hosted deployments the fingerprint costs: one routing the generated hosted_vllm traffic (provider in
    /// another case), one routing an api_base in non-ASCII upper case (lower-cased alike by both engines), one left open
    /// ('to' defaults to the ledger's last usage day), and one that overlaps the first (its rows count once).
    /// </summary>
    public const string Deployments =
        """
        deployments:
          - name: vllm-70b
            model: llama-3.1-70b
            gpu: h100-sxm
            gpus: 4
            concurrency: 64
            gpuHourUsd: 2.49
            from: 2026-01-01
            to: 2026-02-14
            routes:
              - provider: HOSTED_VLLM
          - name: gpu-edge
            model: llama-3.1-8b
            gpu: l4
            concurrency: 4
            gpuHourUsd: 0.80
            from: 2026-01-03
            routes:
              - apiBase: HTTPS://ÜBER-GPU.EXAMPLE/V1
              - provider: self-hosted
          - name: overlap
            model: llama-3.1-8b
            gpu: h100-sxm
            gpuHourUsd: 2.00
            from: 2026-02-01
            to: 2026-03-05
            routes:
              - provider: hosted_vllm
        """;

    /// <summary>Gets the report keys the fingerprint groups by: each key alone and the pairs users ask for.</summary>
    public static IReadOnlyList<string[]> Groupings { get; } =
        [["customer"], ["feature"], ["model"], ["provider"], ["day"], ["week"], ["month"], ["customer", "month"], ["model", "provider"]];

    public static string Of(LedgerDatabase ledger, TempFolder dir)
    {
        var text = new StringBuilder();
        foreach (string[] by in Groupings)
        {
            text.Append("report --by ").AppendJoin(',', by).Append('\n')
                .Append(JsonSerializer.Serialize(MarginReportEngine.Run(ledger, new ReportRequest { By = by }), Options)).Append('\n');
        }

        text.Append("report --by customer --from 2026-01-10 --to 2026-01-31\n")
            .Append(JsonSerializer.Serialize(MarginReportEngine.Run(ledger, new ReportRequest { By = ["customer"], From = new(2026, 1, 10), To = new(2026, 1, 31) }), Options)).Append('\n');
        text.Append("reconcile\n").Append(JsonSerializer.Serialize(ReconcileEngine.Run(ledger), Options)).Append('\n');
        var deployments = DeploymentsYaml.Read(Deployments, "deployments.yaml");
        text.Append("selfhosted\n").Append(JsonSerializer.Serialize(SelfHostedEngine.Run(ledger, BurnrateCatalog.Embedded, deployments), Options)).Append('\n');
        text.Append("selfhosted --from 2026-01-20 --to 2026-02-10\n")
            .Append(JsonSerializer.Serialize(SelfHostedEngine.Run(ledger, BurnrateCatalog.Embedded, deployments, new(2026, 1, 20), new(2026, 2, 10)), Options)).Append('\n');
        foreach (string[] by in new[] { new[] { "customer", "month" }, ["day"], ["model", "provider"] })
        {
            text.Append("report --deployments --by ").AppendJoin(',', by).Append('\n')
                .Append(JsonSerializer.Serialize(MarginReportEngine.Run(ledger, new ReportRequest { By = by, Deployments = deployments }, BurnrateCatalog.Embedded), Options)).Append('\n');
        }

        text.Append("actuals\n").Append(JsonSerializer.Serialize(ActualsEngine.Run(ledger), Options)).Append('\n');
        string focus = dir.File($"focus-{Guid.NewGuid():N}.csv");
        FocusExport.Write(ledger, focus);
        text.Append("export --focus\n").Append(File.ReadAllText(focus));
        return text.ToString();
    }

    /// <summary>Gets an import report without file paths (they differ between runs), as text.</summary>
    public static string Of(ImportReport report) =>
        string.Join('\n', report.Files.Select(f => JsonSerializer.Serialize(f with { Path = Path.GetFileName(f.Path) }, Options)));

    private sealed class ExactMoney : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetDecimal());

        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Usd.ToString("0.############################", CultureInfo.InvariantCulture));
    }
}
