using Burnrate.Catalog;
using Burnrate.Planning.Actuals;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary><c>actuals: {ledger: PATH or clickhouse://…}</c> and drivers given as <c>{actual: …}</c> or <c>{fit: …}</c> (docs/plan.md, docs/ledger.md).</summary>
internal sealed partial class ScenarioBuilder
{
    private ActualsResolver? _actuals;

    /// <summary>
    /// Reads <c>actuals: {ledger: PATH | clickhouse://…[, userEnv: NAME][, passwordEnv: NAME]}</c>, loading the history it
    /// names through the actuals source.
    /// </summary>
    private void ReadActuals(YamlFields f)
    {
        if (f.OptionalMapping("actuals") is not { } node)
        {
            return;
        }

        var g = YamlFields.ForInput(node, _file);
        YamlNode ledgerNode = g.Required("ledger");
        string location = g.RequiredString("ledger");
        string? userEnv = g.OptionalString("userEnv"), passwordEnv = g.OptionalString("passwordEnv");
        g.RejectUnknown("actuals (allowed: ledger, userEnv, passwordEnv)");
        LedgerReference reference = Reference(ledgerNode, location, userEnv, passwordEnv, node);
        if (_actualsSource is null)
        {
            throw Error(node, "actuals: this run has no ledger to read (use the burnrate CLI)");
        }

        ActualsHistory history;
        try
        {
            history = _actualsSource.Load(reference);
        }
        catch (CatalogException e)
        {
            throw Error(ledgerNode, e.Message);
        }

        _actuals = history.Months.Count > 0 ? new ActualsResolver(history) : throw Error(node, $"actuals: the ledger {location} holds no months yet");
    }

    // A file path is resolved against the scenario's folder; an address is taken as written. Any other scheme is a
    // mistake (a path never contains "://"), and credentials belong to a server only.
    private LedgerReference Reference(YamlNode ledgerNode, string location, string? userEnv, string? passwordEnv, YamlNode node)
    {
        const string Allowed = "a DuckDB file path or clickhouse://HOST[:PORT]/DATABASE[?cluster=NAME]";
        int scheme = location.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0 && !location.StartsWith(LedgerReference.ClickHouseScheme, StringComparison.OrdinalIgnoreCase))
        {
            throw Error(ledgerNode, $"field 'actuals.ledger' has an unknown scheme '{location[..(scheme + 3)]}' in \"{location}\"; allowed: {Allowed}");
        }

        if (scheme < 0)
        {
            if (userEnv is not null || passwordEnv is not null)
            {
                throw Error(node, $"actuals: userEnv and passwordEnv apply to a clickhouse:// ledger only, and '{location}' is a file");
            }

            location = Path.IsPathRooted(location) ? location : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".", location);
        }

        return new LedgerReference(location, userEnv, passwordEnv);
    }

    /// <summary>Resolves a driver written as <c>{actual: ledger.X.lastMonth}</c> or <c>{fit: ledger.X.monthlyGrowth[, perMonth: false]}</c>.</summary>
    private bool TryActualDriver(YamlMappingNode map, string path, DriverRule rule, out Driver? driver)
    {
        driver = null;
        var g = YamlFields.ForInput(map, _file);
        YamlNode? actual = g.Find("actual"), fit = g.Find("fit");
        if (actual is null && fit is null)
        {
            return false;
        }

        YamlNode reference = actual ?? fit!;
        string text = (reference as YamlScalarNode)?.Value ?? string.Empty;
        if (_actuals is null)
        {
            throw Error(reference, $"field '{path}' refers to '{text}' but the scenario has no 'actuals: {{ledger: PATH}}'");
        }

        string location = YamlFields.Locate(_file, map);
        string? error;
        if (actual is not null)
        {
            g.RejectUnknown($"'{path}' (allowed with actual: nothing else)");
            double? value = _actuals.Actual(text, path, out error);
            if (value is not { } v)
            {
                throw Error(reference, error!);
            }

            driver = rule.Accepts(v) ? new Driver(path, v, null, false, location)
                : throw Error(reference, $"field '{path}' must be {rule.Allowed}, got {v.ToString(System.Globalization.CultureInfo.InvariantCulture)} from {text}");
            return true;
        }

        bool perMonth = g.OptionalBool("perMonth", true);
        g.RejectUnknown($"'{path}' (allowed with fit: perMonth)");
        Distribution dist = _actuals.Fit(text, path, out error) ?? throw Error(reference, error!);
        driver = new Driver(path, dist.Median, dist, perMonth, location);
        return true;
    }
}
