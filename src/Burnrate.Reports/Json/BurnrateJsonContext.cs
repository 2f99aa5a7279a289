using System.Text.Json.Serialization;
using Burnrate.Core.Economics;
using Burnrate.Core.Validation;

namespace Burnrate.Reports.Json;

/// <summary>
/// The one source-generated JSON context of Burnrate's typed reports: the CLI's <c>--json</c> and the web API both serialize
/// through it, so a report has one JSON contract. camelCase names, indented, nulls left out unless a property says otherwise
/// (infeasible estimates write explicit nulls), named floating-point literals allowed. Use <see cref="BurnrateJson"/> to
/// serialize: it adds the relaxed encoder the options attribute cannot express. Add each report type with a
/// <see cref="JsonSerializableAttribute"/> line here.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DictionaryKeyPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(Assumption))]
[JsonSerializable(typeof(IReadOnlyList<Assumption>))]
[JsonSerializable(typeof(FieldError))]
[JsonSerializable(typeof(IReadOnlyList<FieldError>))]
[JsonSerializable(typeof(Burnrate.Reports.Catalog.AcceleratorView))]
[JsonSerializable(typeof(Burnrate.Reports.Catalog.AcceleratorView[]))]
[JsonSerializable(typeof(Burnrate.Reports.Catalog.ModelView))]
[JsonSerializable(typeof(Burnrate.Reports.Catalog.ModelView[]))]
[JsonSerializable(typeof(Burnrate.Bench.BenchResult))]
[JsonSerializable(typeof(Burnrate.Bench.Results.ComparisonReport))]
[JsonSerializable(typeof(Burnrate.Bench.Calibration.CalibrationReport))]
[JsonSerializable(typeof(Burnrate.Core.Inference.InferReport))]
[JsonSerializable(typeof(Burnrate.Core.Inference.OptimizeReport))]
[JsonSerializable(typeof(Burnrate.Core.Training.TrainReport))]
[JsonSerializable(typeof(Burnrate.Planning.Reporting.PlanReport))]
[JsonSerializable(typeof(Burnrate.Planning.Fleet.FleetReport))]
[JsonSerializable(typeof(Burnrate.Ledger.Import.ImportReport))]
[JsonSerializable(typeof(Burnrate.Ledger.Reporting.MarginReport))]
[JsonSerializable(typeof(Burnrate.Ledger.Reporting.ReconcileReport))]
[JsonSerializable(typeof(Burnrate.Ledger.Reporting.ActualsReport))]
[JsonSerializable(typeof(Burnrate.Ledger.Reporting.FocusExportSummary))]
[JsonSerializable(typeof(Burnrate.Ledger.SelfHosted.SelfHostedReport))]
public sealed partial class BurnrateJsonContext : JsonSerializerContext;
