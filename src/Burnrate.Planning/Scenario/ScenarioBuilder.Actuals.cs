using Burnrate.Catalog;
using Burnrate.Planning.Actuals;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Planning.Scenario;

/// <summary><c>actuals: {ledger: PATH}</c> and drivers given as <c>{actual: …}</c> or <c>{fit: …}</c> (docs/plan.md, docs/ledger.md).</summary>
internal sealed partial class ScenarioBuilder
{
    private ActualsResolver? _actuals;

    /// <summary>Reads <c>actuals:</c>, loading the history it names through the actuals source.</summary>
    private void ReadActuals(YamlFields f)
    {
        if (f.OptionalMapping("actuals") is not { } node)
        {
            return;
        }

        var g = YamlFields.ForInput(node, _file);
        string path = g.RequiredString("ledger");
        g.RejectUnknown("actuals (allowed: ledger)");
        if (_actualsSource is null)
        {
            throw Error(node, "actuals: this run has no ledger to read (use the burnrate CLI)");
        }

        string resolved = Path.IsPathRooted(path) ? path : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(_file)) ?? ".", path);
        ActualsHistory history = _actualsSource.Load("ledger", resolved);
        _actuals = history.Months.Count > 0 ? new ActualsResolver(history) : throw Error(node, $"actuals: the ledger {path} holds no months yet");
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
