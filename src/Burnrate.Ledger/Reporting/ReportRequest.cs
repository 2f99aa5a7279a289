using Burnrate.Catalog;
using Burnrate.Core.Validation;

namespace Burnrate.Ledger.Reporting;

/// <summary>A margin report: group by one or two keys, over an optional date range.</summary>
public sealed record ReportRequest
{
    /// <summary>Gets the keys to group by: one or two of customer, feature, model, provider, day, week, month.</summary>
    public required IReadOnlyList<string> By { get; init; }

    /// <summary>Gets the first day included (default: the ledger's first).</summary>
    public DateOnly? From { get; init; }

    /// <summary>Gets the last day included (default: the ledger's last).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Gets how many loss-makers to list (default 5).</summary>
    public int TopLossMakers { get; init; } = 5;

    /// <summary>
    /// Gets the self-hosted deployments whose capacity cost replaces the logged cost of the usage they served (their share as
    /// <see cref="SelfHosted.SelfHostedEngine"/> allocates it), each month's idle capacity a row of its own; none by default.
    /// </summary>
    public IReadOnlyList<SelfHosted.SelfHostedDeployment> Deployments { get; init; } = [];

    /// <summary>Gets every problem with the request, one line each (empty when valid).</summary>
    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new FieldChecks()
            .NotEmpty("by", By, "one or two of " + string.Join(", ", ReportKey.Names))
            .Require(By.Count <= 2, "by", string.Join(',', By), "one or two keys, comma-separated");
        foreach (string key in By.Where(k => !ReportKey.Names.Contains(k, StringComparer.Ordinal)))
        {
            string near = string.Join(", ", Suggestions.Nearest(key, ReportKey.Names));
            errors.Add("by", key, $"one of {string.Join(", ", ReportKey.Names)}{(near.Length > 0 ? $" (nearest: {near})" : string.Empty)}");
        }

        errors.Require(By.Distinct(StringComparer.Ordinal).Count() == By.Count, "by", string.Join(',', By), "keys that differ");
        errors.AddRange(LedgerDays.Validate(From, To));
        foreach (string name in Deployments.GroupBy(d => d.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add("deployments", name, "deployments with different names (each names its idle row)");
        }

        return errors.Whole("top", TopLossMakers, 0, 1000, "loss-makers");
    }
}
