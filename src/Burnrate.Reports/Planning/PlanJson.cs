using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Reporting;

namespace Burnrate.Reports.Planning;

/// <summary>
/// The JSON shape of <c>burnrate plan --json</c> and <c>POST /api/plan</c> (issue 6 contract): money in USD, months as "YYYY-MM", null
/// where undefined. The contract is the typed <see cref="PlanReport"/>; this class keeps the defaults and options its
/// callers used before it existed.
/// </summary>
public static class PlanJson
{
    /// <summary>The default number of Monte Carlo paths.</summary>
    public const int DefaultPaths = PlanReport.DefaultPaths;

    /// <summary>The default seed.</summary>
    public const ulong DefaultSeed = PlanReport.DefaultSeed;

    /// <summary>Gets the serializer options (the CLI's --json options: camelCase, indented, nulls left out, relaxed encoder).</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Gets the plan's stated assumptions: the run's paths and seed and the model's conventions.</summary>
    /// <param name="paths">The Monte Carlo paths.</param>
    /// <param name="seed">The seed.</param>
    /// <returns>The assumptions, in display order.</returns>
    public static IReadOnlyList<Assumption> Assumptions(int paths, ulong seed) => PlanReport.RunAssumptions(paths, seed);

    /// <summary>Builds the typed report of a plan (<see cref="PlanReport.From"/>); serialize it with
    /// <see cref="Json.BurnrateJson"/> (or <see cref="Options"/>, which writes the same JSON).</summary>
    /// <param name="outcome">The plan.</param>
    /// <param name="byMonths">Months asked about (label, index).</param>
    /// <param name="assumptions">The stated assumptions.</param>
    /// <returns>The report.</returns>
    public static PlanReport Build(PlanOutcome outcome, IReadOnlyList<(string Label, int Index)> byMonths, IReadOnlyList<Assumption> assumptions) =>
        PlanReport.From(outcome, byMonths, assumptions);
}
