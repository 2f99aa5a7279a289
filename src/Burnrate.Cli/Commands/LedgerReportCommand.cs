using System.CommandLine;
using Burnrate.Core.Validation;
using Burnrate.Ledger;
using Burnrate.Ledger.Reporting;
using Burnrate.Reports.Json;
using Burnrate.Reports.Ledger;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate ledger report --by KEY[,KEY]</c>: requests, tokens, cost, revenue and gross margin per group.</summary>
internal sealed class LedgerReportCommand : Command
{
    private readonly Option<string> _by = new("--by") { Description = "Group by one or two of customer, feature, model, provider, day, week, month (comma-separated)", Required = true };
    private readonly Option<string?> _from = new("--from") { Description = "First day included, YYYY-MM-DD (default: the ledger's first)" };
    private readonly Option<string?> _to = new("--to") { Description = "Last day included, YYYY-MM-DD (default: the ledger's last)" };
    private readonly Option<int> _top = new("--top") { Description = "How many loss-makers to list", DefaultValueFactory = _ => 5 };
    private readonly Option<string?> _deployments = new("--deployments") { Description = "Deployments YAML (as ledger selfhosted takes it): the usage they served costs its share of their GPU-hours, idle capacity a row of its own" };
    private readonly Option<string?> _out = new("--out") { Description = "Write margin.csv, ledger.xlsx and charts (margin by customer, cost by model over time; PNG + SVG) into this folder" };
    private readonly LedgerDbOptions _db = new();
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (USD rounded to the cent)" };

    private readonly GlobalOptions _globals;

    public LedgerReportCommand(GlobalOptions globals)
        : base("report", "Cost, revenue and gross margin by customer, feature, model, provider or period")
    {
        _globals = globals;
        foreach (Option option in new Option[] { _by, _from, _to, _top, _deployments, _out }.Concat(_db.All).Append(_json))
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        var request = new ReportRequest
        {
            By = parse.GetRequiredValue(_by).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            From = LedgerOptions.Day("--from", parse.GetValue(_from)),
            To = LedgerOptions.Day("--to", parse.GetValue(_to)),
            TopLossMakers = parse.GetValue(_top),
        };
        InputException.ThrowIfAny(request.Validate());
        Catalog.BurnrateCatalog? catalog = null;
        if (parse.GetValue(_deployments) is { } deployments)
        {
            request = request with { Deployments = Ledger.SelfHosted.DeploymentsYaml.ReadFile(deployments) };
            catalog = _globals.LoadCatalog(parse);
        }

        using LedgerDatabase ledger = _db.Open(parse);
        MarginReport report = MarginReportEngine.Run(ledger, request, catalog);
        IReadOnlyList<string> files = parse.GetValue(_out) is { } dir
            ? LedgerFiles.Write(report, MarginReportEngine.Run(ledger, request with { By = ["customer"] }, catalog), MarginReportEngine.Run(ledger, request with { By = ["model", "month"] }, catalog), dir)
            : [];
        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(report));
        }
        else
        {
            Spectre.Console.IAnsiConsole console = Rendering.Output.Console(parse);
            LedgerReportText.Write(console, report);
            Rendering.Output.WriteWritten(console, files);
        }

        return ExitCodes.Success;
    }
}
