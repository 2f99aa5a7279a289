using System.CommandLine;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Economics;
using Burnrate.Planning.Derivation;
using Burnrate.Planning;
using Burnrate.Planning.Reporting;
using Burnrate.Planning.Scenario;
using Burnrate.Planning.Simulation;
using Burnrate.Reports.Planning;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate plan FILE</c>: cash-burn scenarios — presets, Monte Carlo bands, cash-out and trigger odds, tornado; docs/plan.md.</summary>
internal sealed class PlanCommand : Command
{
    public const int DefaultPaths = PlanReport.DefaultPaths;
    public const ulong DefaultSeed = PlanReport.DefaultSeed;

    private readonly Argument<string> _file = new("file") { Description = "A scenario YAML file, or - for standard input (burnrate examples lists ready-made ones)" };
    private readonly Option<int> _paths = new("--paths") { Description = "Monte Carlo paths", DefaultValueFactory = _ => DefaultPaths };
    private readonly Option<ulong> _seed = new("--seed") { Description = "Random seed; the same seed gives the same result on any number of threads", DefaultValueFactory = _ => DefaultSeed };
    private readonly Option<int> _threads = new("--threads") { Description = "Most threads to use (default: all cores)", DefaultValueFactory = _ => -1 };
    private readonly Option<string[]> _by = new("--by") { Description = "Also report the probability of running out of cash by this month (YYYY-MM, repeatable)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (USD, months as YYYY-MM) instead of tables" };
    private readonly Option<bool> _assumptions = Output.AssumptionsOption();
    private readonly Option<string?> _out = new("--out") { Description = "Write fan-chart.png, tornado.png, CSVs and plan.xlsx into this directory" };

    private readonly GlobalOptions _globals;

    public PlanCommand(GlobalOptions globals)
        : base("plan", "Cash-burn planning: best/base/worst projections, Monte Carlo runway, raise triggers and sensitivity")
    {
        _globals = globals;
        Arguments.Add(_file);
        foreach (Option option in new Option[] { _paths, _seed, _threads, _by, _json, _out, _assumptions })
        {
            Options.Add(option);
        }

        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        int paths = parse.GetValue(_paths);
        Core.Validation.InputException.ThrowIfAny(PlanOutcome.CheckPaths(paths)); // the library's range and wording, as the web API's

        int threads = parse.GetValue(_threads);
        if (threads is 0 or < -1)
        {
            throw new UsageException($"--threads must be a positive number (or omitted for all cores), got {threads}");
        }

        // from: in the scenario runs the train/infer estimators against the same catalog (with any --catalog overrides).
        var deriver = new CostModelDeriver(_globals.LoadCatalog(parse));
        string file = parse.GetRequiredValue(_file);
        var actuals = new LedgerActualsSource();
        PlanScenario scenario = file == "-" ? ScenarioReader.Read(_globals.ReadInput("scenario"), "<stdin>", deriver, actuals) : ScenarioReader.ReadFile(file, deriver, actuals);
        ulong seed = parse.GetValue(_seed);
        PlanOutcome outcome;
        using (ProgressLine line = ProgressLine.Over(parse.InvocationConfiguration.Error, "plan"))
        {
            outcome = PlanOutcome.Compute(scenario, paths, seed, threads, line.For<MonteCarloProgress>(ProgressStep.Of));
        }

        var byMonths = new List<(string, int)>();
        foreach (string label in parse.GetValue(_by) ?? [])
        {
            int index = outcome.MonthIndex(label);
            byMonths.Add(index >= 0 ? (label, index)
                : throw new UsageException($"--by must be a month YYYY-MM inside the horizon {scenario.MonthLabel(0)}..{scenario.MonthLabel(scenario.Months - 1)}, got \"{label}\""));
        }

        IReadOnlyList<Assumption> assumptions = [.. PlanReport.RunAssumptions(paths, seed), .. deriver.Derivations, .. scenario.Assumptions];
        IReadOnlyList<string> files = parse.GetValue(_out) is { } dir ? PlanFiles.Write(outcome, dir, assumptions) : [];
        PlanReport report = PlanReport.From(outcome, byMonths, assumptions);
        if (parse.GetValue(_json))
        {
            Output.WriteReport(parse, report);
        }
        else
        {
            PlanText.Write(Output.Console(parse), report, files, parse.GetValue(_assumptions));
        }

        return ExitCodes.Success;
    }
}
