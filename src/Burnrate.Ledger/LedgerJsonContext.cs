using System.Text.Json.Serialization;
using Burnrate.Ledger.Import;
using Burnrate.Ledger.Reporting;

namespace Burnrate.Ledger;

/// <summary>The one source-generated JSON context for every ledger report (the CLI's --json and the web API).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ImportReport))]
[JsonSerializable(typeof(MarginReport))]
[JsonSerializable(typeof(ReconcileReport))]
[JsonSerializable(typeof(ActualsReport))]
[JsonSerializable(typeof(FocusExportSummary))]
public sealed partial class LedgerJsonContext : JsonSerializerContext;
