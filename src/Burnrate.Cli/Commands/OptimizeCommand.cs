using System.CommandLine;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Catalog.Services;
using Burnrate.Cli.Rendering;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Validation;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate optimize MODEL... --slo-ttft 500ms --slo-tpot 50ms</c>: searches accelerator × count × TP/PP × weight and KV precision ×
/// concurrency for the cheapest configuration per request that meets the SLOs, counts why the others fail, and draws the Pareto frontier.
/// </summary>
internal sealed class OptimizeCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly MoneyOptions _money = new();
    private readonly ServingOptions _serving = new();
    private readonly Argument<string[]> _models = new("models") { Description = "One or more catalog model ids or config.json paths (a smaller model is a distillation lever)", Arity = ArgumentArity.OneOrMore };
    private readonly Option<string> _sloTtft = new("--slo-ttft") { Description = "Largest acceptable time to first token, e.g. 500ms, 2s", DefaultValueFactory = _ => "500ms" };
    private readonly Option<string> _sloTpot = new("--slo-tpot") { Description = "Largest acceptable time per output token, e.g. 50ms", DefaultValueFactory = _ => "50ms" };
    private readonly Option<string[]> _gpusAllowed = new("--gpus-allowed") { Description = "Accelerator ids to consider, comma-separated or repeated (default: every catalog accelerator with a price and TDP)", AllowMultipleArgumentsPerToken = true };
    private readonly Option<int> _maxDevices = new("--max-devices") { Description = "Most devices in a deployment (powers of two up to it are tried)", DefaultValueFactory = _ => 8 };
    private readonly Option<double?> _budget = new("--budget-usd-per-hour") { Description = "Most the deployment may cost per hour" };
    private readonly Option<string> _weights = new("--weights") { Description = "Weight precisions to try, comma-separated", DefaultValueFactory = _ => "bf16,fp8,int8,int4" };
    private readonly Option<string> _kv = new("--kv") { Description = "KV cache precisions to try, comma-separated", DefaultValueFactory = _ => "bf16,fp8" };
    private readonly Option<string?> _replicas = new("--replicas") { Description = "Data-parallel replica counts to try, comma-separated, e.g. 1,2,3,4 (deployment = replicas × tp × pp ≤ --max-devices; default: every power-of-two split)" };
    private readonly Option<string?> _concurrency = new("--concurrency") { Description = "Concurrencies to try, comma-separated (default 1,2,3,4,6,8,…,768,1024)" };
    private readonly Option<int> _top = new("--top") { Description = "How many cheapest configurations to show", DefaultValueFactory = _ => 5 };
    private readonly Option<string?> _out = new("--out") { Description = "Directory for pareto.csv, pareto.png and cheapest.csv" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };
    private readonly Option<bool> _assumptions = Output.AssumptionsOption();

    public OptimizeCommand(GlobalOptions globals)
        : base("optimize", "Find the cheapest serving configuration that meets TTFT and TPOT targets, and the cost–latency Pareto frontier")
    {
        _globals = globals;
        Arguments.Add(_models);
        foreach (Option option in new Option[] { _sloTtft, _sloTpot, _gpusAllowed, _maxDevices, _replicas, _budget, _weights, _kv, _concurrency, _top })
        {
            Options.Add(option);
        }

        _serving.AddTo(this);
        _money.AddTo(this);
        Options.Add(_out);
        Options.Add(_json);
        Options.Add(_assumptions);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        var request = new OptimizeRequest
        {
            Models = parse.GetRequiredValue(_models),
            SloTtft = parse.GivenText(_sloTtft) is { } ttft ? DurationText.Parse("sloTtft", ttft) : null,
            SloTpot = parse.GivenText(_sloTpot) is { } tpot ? DurationText.Parse("sloTpot", tpot) : null,
            GpusAllowed = [.. (parse.GetValue(_gpusAllowed) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
            MaxDevices = parse.Given(_maxDevices),
            Replicas = parse.GetValue(_replicas) is { } replicas ? IntList("replicas", replicas) : null,
            BudgetUsdPerHour = parse.GetValue(_budget),
            Weights = List("weights", parse.GetRequiredValue(_weights), ServingDefaults.WeightFormats),
            KvCache = List("kvCache", parse.GetRequiredValue(_kv), ServingDefaults.KvFormats),
            Concurrency = parse.GetValue(_concurrency) is { } list ? IntList("concurrency", list) : null,
            Top = parse.GetValue(_top),
            InputTokens = parse.Given(_serving.Input),
            OutputTokens = parse.Given(_serving.Output),
            ComputeEfficiency = parse.GetValue(_serving.ComputeEfficiency),
            BandwidthEfficiency = parse.GetValue(_serving.BandwidthEfficiency),
            CommunicationEfficiency = parse.GetValue(_serving.CommunicationEfficiency),
            CalibrationFile = parse.GetValue(_serving.Calibration),
            MemoryReserve = parse.GetValue(_serving.MemoryReserve),
            PowerUtilization = parse.GetValue(_serving.PowerUtilization),
            CollectiveLatency = _serving.Latency(parse),
            Price = _money.Request(parse),
        };
        // Ctrl-C or SIGTERM stops the search between layouts and exits 130 or 143 with nothing written: the files are written only
        // from a finished search (each whole, temp file then move).
        using var stop = new SignalStop(parse.InvocationConfiguration.Error, "optimize: stopping the search; nothing is written (press Ctrl-C again to quit at once)", cancellationToken);
        OptimizeReport report;
        try
        {
            using ProgressLine line = ProgressLine.Over(parse.InvocationConfiguration.Error, "optimize");
            IProgress<SearchProgress> progress = line.For<SearchProgress>(ProgressStep.Of);
            report = await Task.Run(() => OptimizeService.Run(catalog, request, progress, stop.Token), stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.ExitCode is { } signalled)
        {
            return signalled;
        }

        if (stop.ExitCode is { } late)
        {
            return late; // the signal came as the search finished: still nothing written
        }

        IReadOnlyList<string> files = parse.GetValue(_out) is { } dir ? OptimizeFiles.Write(dir, report) : [];

        if (parse.GetValue(_json))
        {
            Output.WriteReport(parse, report);
        }
        else
        {
            OptimizeText.Write(Output.Console(parse), report, files, parse.GetValue(_assumptions));
        }

        return ExitCodes.Success;
    }

    /// <summary>Splits a comma-separated list; a list that names nothing (",") is refused as empty, naming what it may hold.</summary>
    private static List<string> List(string field, string text, IReadOnlyList<Precision> allowed)
    {
        List<string> values = [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        return values.Count > 0 ? values
            : throw new InputException(field, text, $"at least one of {string.Join(", ", allowed.Select(p => p.Id()))}, comma-separated (the list given is empty)");
    }

    private static List<int> IntList(string option, string text)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            values.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 1
                ? v
                : throw new InputException(option, part, "whole numbers ≥ 1, comma-separated"));
        }

        return values.Count > 0 ? [.. values.Distinct().Order()] : throw new InputException(option, text, "at least one whole number ≥ 1, comma-separated (the list given is empty)");
    }
}
