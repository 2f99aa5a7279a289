using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using Burnrate.Core.Economics;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Validation;

namespace Burnrate.Cli.Commands;

/// <summary>
/// <c>burnrate optimize MODEL... --slo-ttft 500ms --slo-tpot 50ms</c>: searches accelerator × count × TP/PP × weight and KV precision ×
/// concurrency for the cheapest configuration per request that meets the SLOs, counts why the others fail, and draws the Pareto frontier.
/// </summary>
internal sealed partial class OptimizeCommand : Command
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
    private readonly Option<string?> _concurrency = new("--concurrency") { Description = "Concurrencies to try, comma-separated (default 1,2,3,4,6,8,…,768,1024)" };
    private readonly Option<int> _top = new("--top") { Description = "How many cheapest configurations to show", DefaultValueFactory = _ => 5 };
    private readonly Option<string?> _out = new("--out") { Description = "Directory for pareto.csv, pareto.png and cheapest.csv" };
    private readonly Option<bool> _json = new("--json") { Description = "Print JSON (base units) instead of tables" };

    public OptimizeCommand(GlobalOptions globals)
        : base("optimize", "Find the cheapest serving configuration that meets TTFT and TPOT targets, and the cost–latency Pareto frontier")
    {
        _globals = globals;
        Arguments.Add(_models);
        foreach (Option option in new Option[] { _sloTtft, _sloTpot, _gpusAllowed, _maxDevices, _budget, _weights, _kv, _concurrency, _top })
        {
            Options.Add(option);
        }

        _serving.AddTo(this);
        _money.AddTo(this);
        Options.Add(_out);
        Options.Add(_json);
        SetAction(Run);
    }

    private int Run(ParseResult parse)
    {
        BurnrateCatalog catalog = _globals.LoadCatalog(parse);
        var assumptions = new List<Assumption>();
        List<ModelArchitecture> models = [.. parse.GetRequiredValue(_models).Select(catalog.Model)];
        (int input, int output) = _serving.RequestShape(parse, assumptions);
        EfficiencyFactors efficiency = _serving.Efficiency(parse, assumptions);
        (double reserve, double utilization) = _serving.MemoryAndPower(parse);
        var slo = new ServiceLevelObjective(DurationText.Parse("sloTtft", parse.GetValue(_sloTtft)), DurationText.Parse("sloTpot", parse.GetValue(_sloTpot)));
        assumptions.Add(new Assumption("slo-ttft", slo.Ttft.ToString(), ServingOptions.Source(parse, _sloTtft, "default")));
        assumptions.Add(new Assumption("slo-tpot", slo.Tpot.ToString(), ServingOptions.Source(parse, _sloTpot, "default")));
        int maxDevices = parse.GetValue(_maxDevices);
        double? budget = parse.GetValue(_budget);
        int top = parse.GetValue(_top);
        PriceRequest money = _money.Request(parse);
        InputException.ThrowIfAny(new FieldChecks()
            .Whole("maxDevices", maxDevices, 1, 1 << 20)
            .Positive("budgetUsdPerHour", budget, 1e9, "USD per hour")
            .Whole("top", top, 1, 10_000)
            .AddRange(money.Validate()));
        (double pue, Assumption pueAssumption) = PricePolicy.Pue(money);
        assumptions.Add(pueAssumption);
        List<PricedAccelerator> accelerators = Accelerators(parse, catalog, money, assumptions);
        var space = new SearchSpace
        {
            Models = models,
            Accelerators = accelerators,
            DeviceCounts = [.. Enumerable.Range(0, 31).Select(i => 1 << i).TakeWhile(d => d <= maxDevices)],
            Weights = PrecisionList("weights", parse.GetRequiredValue(_weights), ServingDefaults.WeightFormats),
            KvCaches = PrecisionList("kvCache", parse.GetRequiredValue(_kv), ServingDefaults.KvFormats),
            Concurrencies = parse.GetValue(_concurrency) is { } list ? IntList("concurrency", list) : SearchSpace.DefaultConcurrencies,
            InputTokens = input,
            OutputTokens = output,
            Slo = slo,
            BudgetPerHour = budget is { } usd ? new Usd(usd) : null,
            Efficiency = efficiency,
            MemoryReserve = reserve,
            PowerUtilization = utilization,
            Pue = pue,
            CollectiveLatency = _serving.Latency(parse) ?? ServingDefaults.CollectiveLatency,
            Keep = top,
        };
        assumptions.Add(new Assumption("search", $"devices {string.Join("/", space.DeviceCounts)}; every power-of-two tp × pp split (rest as replicas); MoE models also ep = tp × pp", "default: --max-devices " + maxDevices));
        assumptions.Add(new Assumption("objective", "cost per request", "all-in (prefill + decode) at the stated input/output; one row per hardware setup at its cheapest feasible concurrency"));

        var clock = Stopwatch.StartNew();
        SearchResult result = InferenceSearch.Run(space);
        clock.Stop();

        if (result.Cheapest.Count > 0)
        {
            // The physics assumptions of the model, as the best configuration states them.
            SearchCandidate best = result.Cheapest[0];
            InferenceResult full = InferenceEstimator.Estimate(models[best.Model], InferenceSearch.Deployment(space, best), new InferenceWorkload(input, output, best.Concurrency), efficiency);
            assumptions.AddRange(full.Assumptions.Where(a => a.Name is not ("batching" or "compute-precision") && assumptions.TrueForAll(x => x.Name != a.Name)));
        }

        var report = new OptimizeReport(space, result, clock.Elapsed, assumptions);
        if (parse.GetValue(_out) is { } dir)
        {
            WriteFiles(dir, report);
        }

        if (parse.GetValue(_json))
        {
            WriteJson(parse, report);
        }
        else
        {
            Render(parse, report, parse.GetValue(_out));
        }

        return ExitCodes.Success;
    }

    private List<PricedAccelerator> Accelerators(ParseResult parse, BurnrateCatalog catalog, PriceRequest money, List<Assumption> assumptions)
    {
        string[] allowed = [.. (parse.GetValue(_gpusAllowed) ?? []).SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))];
        bool explicitList = allowed.Length > 0;
        IEnumerable<AcceleratorSpec> specs = explicitList ? allowed.Select(catalog.Accelerator) : catalog.Accelerators;
        var priced = new List<PricedAccelerator>();
        var skipped = new List<string>();
        foreach (AcceleratorSpec gpu in specs.DistinctBy(a => a.Id))
        {
            try
            {
                ResolvedPrice price = PricePolicy.Resolve(gpu, money);
                priced.Add(new PricedAccelerator(gpu, price.PricePerDeviceHour, price.DevicePower));
                assumptions.AddRange(price.Assumptions.Where(a => a.Name != "pue").Select(a => a with { Name = a.Name + " (" + gpu.Id + ")" }));
            }
            catch (InputException e) when (!explicitList)
            {
                skipped.Add(gpu.Id + ": " + string.Join("; ", e.Lines(OptionNames.For)));
            }
        }

        if (skipped.Count > 0)
        {
            assumptions.Add(new Assumption("skipped-accelerators", string.Join("; ", skipped), "no price or TDP in the catalog; name them in --gpus-allowed with --gpu-hour-usd/--device-watts"));
        }

        return priced.Count > 0 ? priced : throw new InputException("gpusAllowed", "", "accelerator ids with a price: no catalog accelerator has one (give --gpu-hour-usd too)");
    }

    private static List<Precision> PrecisionList(string field, string text, IReadOnlyList<Precision> allowed) =>
        [.. text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t => Precisions.Parse(field, t, allowed)).Distinct()];

    private static List<int> IntList(string option, string text)
    {
        var values = new List<int>();
        foreach (string part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            values.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out int v) && v >= 1
                ? v
                : throw new InputException(option, part, "whole numbers ≥ 1, comma-separated"));
        }

        return values.Count > 0 ? [.. values.Distinct().Order()] : throw new InputException(option, text, "at least one whole number ≥ 1");
    }

    /// <summary>A search and what it was run on, for rendering.</summary>
    private sealed record OptimizeReport(SearchSpace Space, SearchResult Result, TimeSpan Elapsed, List<Assumption> Assumptions);
}
