using System.CommandLine;
using System.Globalization;
using Burnrate.Core.Quantities;
using Burnrate.Ledger;
using Burnrate.Ledger.SelfHosted;
using Burnrate.Reports.Json;
using Spectre.Console;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger selfhosted --deployments FILE</c>: self-hosted capacity cost allocated to the tokens served, the idle line, actual vs predicted $/1M tokens.</summary>
internal sealed class LedgerSelfHostedCommand : Command
{
    private static readonly string[] MonthColumns = ["GPU-hours", "cost", "allocated", "idle", "busy", "tokens", "actual $/1M", "predicted $/1M"];
    private static readonly string[] LineColumns = ["requests", "input tokens", "output tokens", "cost"];
    private readonly GlobalOptions _globals;
    private readonly Option<string> _deployments = new("--deployments") { Description = "Deployments YAML: model, gpu, gpus, price, from/to and the routes (provider, apiBase) of its traffic", Required = true };
    private readonly Option<string?> _from = new("--from") { Description = "First day, YYYY-MM-DD (default: each deployment's first)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day, YYYY-MM-DD (default: each deployment's last, else the ledger's last usage day)" };
    private readonly LedgerDbOptions _db = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (USD rounded to the cent)" };

    public LedgerSelfHostedCommand(GlobalOptions globals)
        : base("selfhosted", "Self-hosted deployments: GPU-hours cost allocated to the tokens served, idle capacity, actual vs predicted $/1M tokens")
    {
        _globals = globals;
        foreach (Option option in new Option[] { _deployments, _from, _to }.Concat(_db.All).Append(_json))
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        DateOnly? from = LedgerOptions.Day("--from", parse.GetValue(_from)), to = LedgerOptions.Day("--to", parse.GetValue(_to));
        IReadOnlyList<SelfHostedDeployment> deployments = DeploymentsYaml.ReadFile(parse.GetRequiredValue(_deployments));
        Catalog.BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        using LedgerDatabase ledger = _db.Open(parse);
        SelfHostedReport report = SelfHostedEngine.Run(ledger, catalog, deployments, from, to);
        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
            return ExitCodes.Success;
        }

        IAnsiConsole console = Rendering.Output.Console(parse);
        if (report.Months.Count == 0)
        {
            Rendering.Output.WriteWrapped(console, "No deployment was up in the range (check 'from'/'to' in the deployments file, or import its usage first).");
            return ExitCodes.Success;
        }

        Rendering.Output.WriteWrapped(console, "Self-hosted capacity per deployment and month, USD; $/1M = per 1M input + output tokens served");

        // Split into column groups, deployment and month repeated, rather than folded to fit (an 80-column terminal holds
        // neither table whole).
        var table = new Rendering.WideTable(null, ["deployment", "month", "GPUs", .. MonthColumns], keyColumns: 2) { RightAlignedFrom = 3, Border = TableBorder.Square };
        foreach (SelfHostedMonth m in report.Months)
        {
            table.AddRow(
                m.Deployment, m.Month, $"{m.Gpus.ToString(CultureInfo.InvariantCulture)}×{m.Gpu}",
                NumberText.Grouped(m.GpuHours), Usd(m.CostUsd), Usd(m.AllocatedUsd), Usd(m.IdleUsd),
                m.Utilization is { } u ? NumberText.Percent(u, "0.##") : "—", NumberText.Grouped(m.InputTokens + m.OutputTokens),
                m.ActualUsdPerMillionTokens is { } a ? NumberText.Significant((double)a, 4) : "—",
                m.PredictedUsdPerMillionTokens is { } p ? NumberText.Significant(p, 4) : "—");
        }

        table.Write(console);
        var lines = new Rendering.WideTable(null, ["deployment", "month", "customer", .. LineColumns], keyColumns: 3) { RightAlignedFrom = 3, Border = TableBorder.Square };
        foreach (SelfHostedLine l in report.Lines)
        {
            lines.AddRow(l.Deployment, l.Month, l.Customer, NumberText.Grouped(l.Requests), NumberText.Grouped(l.InputTokens), NumberText.Grouped(l.OutputTokens), Usd(l.CostUsd));
        }

        lines.Write(console);
        foreach (Ledger.Reporting.LedgerAssumption a in report.Assumptions)
        {
            Rendering.Output.WriteWrapped(console, $"{a.Name}: {a.Value}");
        }

        return ExitCodes.Success;
    }

    private static string Usd(Money m) => NumberText.Format(m.ToCents().Usd, "#,##0.00");
}
