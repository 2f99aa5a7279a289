using System.Text.Json.Serialization;
using Burnrate.Ledger.Reporting;

namespace Burnrate.Ledger.SelfHosted;

/// <summary>What self-hosted capacity cost, who it served and how much of it stood idle (JSON contract of <c>ledger selfhosted --json</c>).</summary>
/// <param name="Months">One row per deployment and calendar month it was up in the range.</param>
/// <param name="Lines">The month's cost split: one line per customer served, then an "(idle)" line with the unserved capacity.</param>
/// <param name="Assumptions">How the figures were made.</param>
public sealed record SelfHostedReport(IReadOnlyList<SelfHostedMonth> Months, IReadOnlyList<SelfHostedLine> Lines, IReadOnlyList<LedgerAssumption> Assumptions);

/// <summary>One deployment over one calendar month (UTC): capacity cost, allocation, and actual beside predicted $/1M tokens.</summary>
public sealed record SelfHostedMonth
{
    /// <summary>Gets the deployment's name.</summary>
    public required string Deployment { get; init; }

    /// <summary>Gets the month, YYYY-MM.</summary>
    public required string Month { get; init; }

    /// <summary>Gets the model id.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the accelerator id.</summary>
    public required string Gpu { get; init; }

    /// <summary>Gets the number of accelerators.</summary>
    public required int Gpus { get; init; }

    /// <summary>Gets the accelerator-hours paid in the month: GPUs × the hours the deployment was up in it.</summary>
    public required double GpuHours { get; init; }

    /// <summary>Gets the capacity's cost in the month: the cost model's cost per hour × hours up, to the cent.</summary>
    public required Money CostUsd { get; init; }

    /// <summary>Gets the part of <see cref="CostUsd"/> allocated to the tokens served.</summary>
    public required Money AllocatedUsd { get; init; }

    /// <summary>Gets the unserved part: <see cref="CostUsd"/> − <see cref="AllocatedUsd"/>.</summary>
    public required Money IdleUsd { get; init; }

    /// <summary>Gets the busy share the cost model implies: Σ modelled cost of the tokens served ÷ the capacity's cost, at most 1 (null when nothing was paid).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? Utilization { get; init; }

    /// <summary>Gets the requests served.</summary>
    public required long Requests { get; init; }

    /// <summary>Gets the input tokens served.</summary>
    public required long InputTokens { get; init; }

    /// <summary>Gets the output tokens served.</summary>
    public required long OutputTokens { get; init; }

    /// <summary>Gets what 1M tokens (input + output) really cost: the month's capacity cost, idle included, ÷ tokens served × 1e6 (null without tokens).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public decimal? ActualUsdPerMillionTokens { get; init; }

    /// <summary>Gets what the cost model (<c>burnrate infer</c> for this deployment and the month's mean request shape) predicts 1M of these tokens cost, fully busy (null without tokens).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PredictedUsdPerMillionTokens { get; init; }

    /// <summary>Gets the cost model's price of 1M input (prefill) tokens in USD (null without tokens).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PredictedInputUsdPerMillionTokens { get; init; }

    /// <summary>Gets the cost model's price of 1M output (decode) tokens in USD (null without tokens).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? PredictedOutputUsdPerMillionTokens { get; init; }

    /// <summary>Gets the request shape the prediction used: mean input tokens per request (null without requests).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? PredictionInputTokens { get; init; }

    /// <summary>Gets the request shape the prediction used: mean output tokens per request (null without requests).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int? PredictionOutputTokens { get; init; }

    /// <summary>Gets the concurrency the prediction assumed.</summary>
    public required int PredictionConcurrency { get; init; }
}

/// <summary>One line of a deployment-month's cost split: a customer's allocation, or the idle remainder.</summary>
/// <param name="Deployment">The deployment's name.</param>
/// <param name="Month">The month, YYYY-MM.</param>
/// <param name="Customer">The customer served, or "(idle)".</param>
/// <param name="Requests">Requests served (0 on the idle line).</param>
/// <param name="InputTokens">Input tokens served.</param>
/// <param name="OutputTokens">Output tokens served.</param>
/// <param name="CostUsd">The cost allocated to the line.</param>
public sealed record SelfHostedLine(string Deployment, string Month, string Customer, long Requests, long InputTokens, long OutputTokens, Money CostUsd)
{
    /// <summary>The customer name of a deployment-month's idle line.</summary>
    public const string Idle = "(idle)";
}
