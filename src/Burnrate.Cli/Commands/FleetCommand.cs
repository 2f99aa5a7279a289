using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Inference;
using Burnrate.Planning.Derivation;
using Burnrate.Planning.Fleet;
using Burnrate.Reports.Fleet;
using Burnrate.Reports.Json;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate fleet FILE</c>: the cheapest hybrid fleet over a demand curve, and what contract terms do to it; docs/fleet.md.
/// Ctrl-C or SIGTERM interrupts the solve in progress and exits 130 or 143 without writing anything.
/// </summary>
internal sealed class FleetCommand : Command
{
    private static readonly Dictionary<string, SolverBackend> Backends = new(StringComparer.Ordinal) { ["scip"] = SolverBackend.Scip, ["cp-sat"] = SolverBackend.CpSat };

    private readonly Argument<string> _file = new("file") { Description = "A fleet YAML file (see docs/fleet.md and examples/)" };
    private readonly Option<bool> _contracts = new("--contracts") { Description = "Evaluate the file's contracts across the demand scenarios (expected and worst cost, regret, best commitment)" };
    private readonly Option<string> _solver = new("--solver") { Description = "MILP backend: scip, or cp-sat (used when the program is all-integer; SCIP otherwise)", DefaultValueFactory = _ => "scip" };
    private readonly Option<double> _gap = new("--gap-percent") { Description = "Stop when proved within this percent of the optimum", DefaultValueFactory = _ => 0.01 };
    private readonly Option<double> _timeLimit = new("--time-limit-seconds") { Description = "Stop each solve after this long and report the best fleet with its gap", DefaultValueFactory = _ => 60 };
    private readonly Option<string?> _calibration = new("--calibration") { Description = "Efficiency factors for serving.from capacities (a burnrate-calibration JSON file)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (USD, tokens, months as YYYY-MM) instead of tables" };
    private readonly Option<string?> _out = new("--out") { Description = "Write capacity charts (PNG + SVG), CSVs and fleet.xlsx into this directory" };
    private readonly GlobalOptions _globals;

    public FleetCommand(GlobalOptions globals)
        : base("fleet", "The cheapest mix of owned, reserved, on-demand, spot and API capacity over a demand curve; contracts across scenarios")
    {
        _globals = globals;
        Arguments.Add(_file);
        foreach (Option option in new Option[] { _contracts, _solver, _gap, _timeLimit, _calibration, _json, _out })
        {
            Options.Add(option);
        }

        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        string solverName = parse.GetValue(_solver) ?? "scip";
        if (!Backends.TryGetValue(solverName, out SolverBackend backend))
        {
            throw new UsageException($"--solver must be one of {string.Join(", ", Backends.Keys)}, got \"{solverName}\"");
        }

        double gap = parse.GetValue(_gap), limit = parse.GetValue(_timeLimit);
        if (!(gap is >= 0 and < 100) || !(limit is > 0 and <= 86_400))
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--gap-percent must be in [0, 100) and --time-limit-seconds in (0, 86400], got {gap} and {limit}"));
        }

        var serving = new ServingCapacityDeriver(_globals.LoadCatalog(parse), Efficiency(parse, out string source), source);
        FleetInput input = FleetReader.ReadFile(parse.GetRequiredValue(_file), serving);
        var settings = new SolverSettings(backend, gap / 100, limit);
        bool contracts = parse.GetValue(_contracts);
        using var stop = new SignalStop(parse.InvocationConfiguration.Error, "fleet: stopping the solve; nothing is written (press Ctrl-C again to quit at once)", cancellationToken);
        FleetOutcome outcome;
        try
        {
            outcome = await Task.Run(() => FleetOptimizer.Run(input, settings, contracts, stop.Token), stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.ExitCode is { } signalled)
        {
            return signalled;
        }

        IReadOnlyList<string> files = parse.GetValue(_out) is { } dir ? FleetFiles.Write(outcome, dir) : [];
        if (parse.GetValue(_json))
        {
            parse.InvocationConfiguration.Output.WriteLine(BurnrateJson.Serialize(outcome.Report));
        }
        else
        {
            FleetText.Write(Output.Console(parse), outcome.Report, files);
        }

        return outcome.Report.Status is "optimal" or "feasible" ? ExitCodes.Success : ExitCodes.Failure;
    }

    private EfficiencyFactors Efficiency(ParseResult parse, out string source)
    {
        if (parse.GetValue(_calibration) is { } file)
        {
            source = "efficiency from calibration " + file;
            return CalibrationFile.Read(file).Efficiency;
        }

        source = "default efficiency factors (docs/infer.md)";
        return EfficiencyFactors.Default;
    }
}
