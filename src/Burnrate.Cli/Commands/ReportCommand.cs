using System.CommandLine;
using System.Text.Json;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Planning;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Reporting;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;
using Burnrate.Reports.Planning;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate report FILE --out DIR</c>: the plan told as one self-contained HTML page (charts inlined as SVG), with the workbook, charts and CSVs beside it; docs/report.md.</summary>
internal sealed class ReportCommand : Command
{
    private readonly Argument<string> _file = new("file") { Description = "A scenario YAML file, or - for standard input (burnrate examples lists ready-made ones)" };
    private readonly Option<string> _out = new("--out") { Description = "Directory for report.html, plan.xlsx, the charts (PNG + SVG) and CSVs", Required = true };
    private readonly Option<int> _paths = new("--paths") { Description = "Monte Carlo paths", DefaultValueFactory = _ => PlanReport.DefaultPaths };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Random seed; the same seed gives the same report", DefaultValueFactory = _ => PlanReport.DefaultSeed };
    private readonly Option<bool> _json = new("--json") { Description = "Print the files written as JSON ({\"report\": PATH, \"files\": [...]})" };
    private readonly GlobalOptions _globals;

    public ReportCommand(GlobalOptions globals)
        : base("report", "One self-contained HTML report from the FLOP to the runway (cost-model derivations, Monte Carlo bands, triggers, tornado) plus the Excel workbook")
    {
        _globals = globals;
        Arguments.Add(_file);
        foreach (Option option in new Option[] { _out, _paths, _seed, _json })
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        int paths = parse.GetValue(_paths);
        Core.Validation.InputException.ThrowIfAny(PlanOutcome.CheckPaths(paths)); // the library's range and wording, as the web API's

        var deriver = new CostModelDeriver(_globals.LoadCatalog(parse));
        string file = parse.GetRequiredValue(_file);
        string yaml = file == "-" ? _globals.ReadInput("scenario") : Catalog.Files.InputFile.ReadAllText(file, "scenario file");
        string source = file == "-" ? "<stdin>" : file;
        PlanScenario scenario = ScenarioReader.Read(yaml, source, deriver, new LedgerActualsSource());
        ulong seed = parse.GetValue(_seed);
        PlanOutcome outcome;
        using (ProgressLine line = ProgressLine.Over(parse.InvocationConfiguration.Error, "report"))
        {
            outcome = PlanOutcome.Compute(scenario, paths, seed, -1, line.For<MonteCarloProgress>(ProgressStep.Of));
        }

        IReadOnlyList<Assumption> assumptions = [.. PlanReport.RunAssumptions(paths, seed), .. deriver.Derivations, .. scenario.Assumptions];
        var input = new ScenarioReportInput(outcome, assumptions, deriver.Details, yaml, file == "-" ? source : Path.GetFileName(file));
        IReadOnlyList<string> written = ScenarioReport.Write(input, parse.GetRequiredValue(_out));
        TextWriter output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine(JsonSerializer.Serialize(new { Report = written[0], Files = written.Skip(1).ToArray() }, Rendering.Output.Json));
            return ExitCodes.Success;
        }

        output.WriteLine($"Report: {written[0]} (open it in a browser; it needs no network)");
        output.WriteLine($"Beside it: {string.Join(", ", written.Skip(1).Select(Path.GetFileName))}");
        return ExitCodes.Success;
    }
}
