using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Planning.Actuals;

namespace Burnrate.Cli.Commands;

/// <summary>
/// Feeds a plan scenario's <c>actuals: {ledger: …}</c> from a ledger (monthly tokens, revenue by kind, cost): a DuckDB file,
/// or a ClickHouse server or cluster with the user and password read from the environment variables the scenario names.
/// </summary>
internal sealed class LedgerActualsSource : IActualsSource
{
    public ActualsHistory Load(LedgerReference ledger)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        LedgerCredentials credentials = LedgerCredentials.None;
        if (ledger.IsServer)
        {
            try
            {
                credentials = new LedgerCredentials(LedgerDbOptions.Variable("actuals.userEnv", ledger.UserEnv), LedgerDbOptions.Variable("actuals.passwordEnv", ledger.PasswordEnv));
            }
            catch (UsageException e)
            {
                throw new CatalogException(e.Message);
            }
        }
        else if (!File.Exists(ledger.Location))
        {
            throw new CatalogException($"actuals: ledger file '{ledger.Location}' not found (create it with 'burnrate ledger import … --db {ledger.Location}')");
        }

        ActualsReport report;
        try
        {
            using LedgerDatabase database = LedgerDatabase.Open(ledger.Location, credentials);
            report = ActualsEngine.Run(database);
        }
        catch (Core.Validation.InputException e) when (ledger.IsServer)
        {
            // A malformed address: the ledger names its --db field; here the field is the scenario's actuals.ledger.
            throw new CatalogException(string.Join("; ", e.Errors.Select(f => f.Describe(f.Field == "db" ? "actuals.ledger" : f.Field))));
        }
        catch (IOException e) when (ledger.IsServer)
        {
            throw new IOException($"actuals: {e.Message}", e);
        }

        return new ActualsHistory(
            ledger.IsServer ? $"ledger {ledger.Location}" : $"ledger {Path.GetFileName(ledger.Location)}",
            [.. report.Months.Select(m => new ActualsMonth(
                DateOnly.ParseExact(m.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture),
                m.Tokens,
                (double)m.RevenueUsd.Usd,
                m.RevenueUsdByKind.ToDictionary(k => k.Key, k => (double)k.Value.Usd, StringComparer.Ordinal),
                (double)m.CostUsd.Usd))]);
    }
}
