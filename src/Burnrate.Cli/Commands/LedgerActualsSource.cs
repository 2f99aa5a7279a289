using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Planning.Actuals;

namespace Burnrate.Cli.Commands;

/// <summary>Feeds a plan scenario's <c>actuals: {ledger: PATH}</c> from a ledger file (monthly tokens, revenue by kind, cost).</summary>
internal sealed class LedgerActualsSource : IActualsSource
{
    public ActualsHistory Load(string kind, string path)
    {
        if (!File.Exists(path))
        {
            throw new CatalogException($"actuals: ledger file '{path}' not found (create it with 'burnrate ledger import … --db {path}')");
        }

        using LedgerDatabase ledger = LedgerDatabase.Open(path);
        ActualsReport report = ActualsEngine.Run(ledger);
        return new ActualsHistory(
            $"ledger {Path.GetFileName(path)}",
            [.. report.Months.Select(m => new ActualsMonth(
                DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.Tokens,
                (double)m.RevenueUsd.Usd,
                m.RevenueUsdByKind.ToDictionary(k => k.Key, k => (double)k.Value.Usd, StringComparer.Ordinal),
                (double)m.CostUsd.Usd))]);
    }
}
