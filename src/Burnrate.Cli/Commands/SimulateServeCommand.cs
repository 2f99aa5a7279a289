using System.CommandLine;
using Burnrate.Bench;
using Burnrate.Bench.Simulation;
using Burnrate.Core.Economics;
using Burnrate.Core.Inference;

namespace Burnrate.Cli.Commands;

/// <summary><c>burnrate simulate serve</c>: an OpenAI-compatible server on 127.0.0.1 until Ctrl-C or --max-seconds. With
/// <c>--model --gpu --gpus</c> the batching mode takes its step times from the infer cost model (docs/calibrate.md).</summary>
internal sealed class SimulateServeCommand : Command
{
    private readonly GlobalOptions _globals;
    private readonly DeploymentOptions _deployment = new();
    private readonly Option<string?> _costModel = new("--model") { Description = "Catalog model (or config.json) whose cost-model step times drive the batching mode" };
    private readonly Option<string?> _gpu = new("--gpu") { Description = "Accelerator id of the cost-model deployment (with --model)" };
    private readonly Option<int> _gpus = new("--gpus") { Description = "Devices of the cost-model deployment; the simulator serves one replica, so --tp must equal --gpus", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _port = new("--port") { Description = "Port on 127.0.0.1 (0 picks a free one; the URL is printed)", DefaultValueFactory = _ => 0 };
    private readonly Option<string> _mode = new("--mode") { Description = "fixed (--ttft/--itl) or batching (continuous-batching simulation)", DefaultValueFactory = _ => "fixed" };
    private readonly Option<string> _ttft = new("--ttft") { Description = "Fixed mode: time to first token", DefaultValueFactory = _ => "200ms" };
    private readonly Option<string> _itl = new("--itl") { Description = "Fixed mode: time between tokens", DefaultValueFactory = _ => "20ms" };
    private readonly Option<int> _maxBatch = new("--max-batch") { Description = "Batching mode: most sequences decoded together", DefaultValueFactory = _ => 256 };
    private readonly Option<string> _prefillBase = new("--prefill-base") { Description = "Batching mode: fixed prefill cost per request", DefaultValueFactory = _ => "5ms" };
    private readonly Option<string> _prefillPerToken = new("--prefill-per-token") { Description = "Batching mode: prefill cost per prompt token", DefaultValueFactory = _ => "50us" };
    private readonly Option<string> _decodeBase = new("--decode-base") { Description = "Batching mode: fixed cost of a decode step", DefaultValueFactory = _ => "10ms" };
    private readonly Option<string> _decodePerSequence = new("--decode-per-sequence") { Description = "Batching mode: decode-step cost per sequence in the batch", DefaultValueFactory = _ => "100us" };
    private readonly Option<string> _decodePerContextToken = new("--decode-per-context-token") { Description = "Batching mode: decode-step cost per context token in the batch", DefaultValueFactory = _ => "0.1us" };
    private readonly Option<string?> _fault = new("--fault") { Description = "Fault probabilities, e.g. reset:0.05,http500:0.02,stall:0.01,malformed:0.01" };
    private readonly Option<int> _seed = new("--seed") { Description = "Seed of the fault draws", DefaultValueFactory = _ => 1 };
    private readonly Option<int> _naturalOutput = new("--natural-output-tokens") { Description = "Output length when the request does not force one (ignore_eos/min_tokens)", DefaultValueFactory = _ => 128 };
    private readonly Option<string> _modelName = new("--model-name") { Description = "Model name reported in responses", DefaultValueFactory = _ => "burnrate-sim" };
    private readonly Option<string?> _maxSeconds = new("--max-seconds") { Description = "Stop after this long (default: until Ctrl-C)" };
    private readonly Option<bool> _json = new("--json") { Description = "Print {\"url\":...} as JSON" };

    public SimulateServeCommand(GlobalOptions globals)
        : base("serve", "Serve /v1/chat/completions and /v1/completions on 127.0.0.1 with simulated timing and faults")
    {
        _globals = globals;
        foreach (Option option in new Option[] { _port, _mode, _ttft, _itl, _maxBatch, _prefillBase, _prefillPerToken, _decodeBase, _decodePerSequence, _decodePerContextToken, _costModel, _gpu, _gpus })
        {
            Options.Add(option);
        }

        _deployment.AddTo(this);
        foreach (Option option in new Option[] { _fault, _seed, _naturalOutput, _modelName, _maxSeconds, _json })
        {
            Options.Add(option);
        }

        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        SimulatorOptions options = BuildOptions(parse);
        double? maxSeconds = parse.GetValue(_maxSeconds) is { } m ? Seconds("--max-seconds", m) : null;
        if (maxSeconds is { } bound && !(bound > 0 && bound <= BenchRequest.MaxDurationSeconds))
        {
            throw new UsageException($"--max-seconds '{parse.GetValue(_maxSeconds)}' is not allowed; expected a duration above 0 s and at most 1e6 s");
        }

        using var stop = new SignalStop(parse.InvocationConfiguration.Error, "simulate serve: stopping", cancellationToken);
        await using SimulatedServer server = await SimulatedServer.StartAsync(options, stop.Token).ConfigureAwait(false);
        TextWriter output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(_json))
        {
            output.WriteLine("{\"url\":\"" + server.BaseUrl + "\"}");
        }
        else
        {
            output.WriteLine("listening on " + server.BaseUrl);
            output.WriteLine(options.Mode == SimulationMode.Fixed
                ? $"mode fixed: ttft {options.TtftSeconds * 1000:0.###} ms, itl {options.ItlSeconds * 1000:0.###} ms; faults {options.Faults}"
                : $"mode batching (max batch {options.MaxBatchSize}): {options.Steps.Description}; faults {options.Faults}");
            output.WriteLine(maxSeconds is { } s ? $"stopping after {s:0.###} s" : "press Ctrl-C to stop");
        }

        output.Flush();
        try
        {
            await Task.Delay(maxSeconds is { } s ? TimeSpan.FromSeconds(s) : Timeout.InfiniteTimeSpan, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl-C or SIGTERM: stop serving (the server is disposed below, closing open streams).
        }

        return stop.ExitCode ?? ExitCodes.Success;
    }

    private SimulatorOptions BuildOptions(ParseResult parse)
    {
        StepModel? costModel = CostModel(parse);
        string modeText = (parse.GetValue(_mode) ?? "fixed").ToLowerInvariant();
        if (costModel is not null && parse.GetResult(_mode) is { Implicit: false } && modeText != "batching")
        {
            throw new UsageException($"--mode '{modeText}' cannot be used with --model: the cost model times the batching mode");
        }

        SimulationMode mode = costModel is not null ? SimulationMode.Batching : modeText switch
        {
            "fixed" => SimulationMode.Fixed,
            "batching" => SimulationMode.Batching,
            _ => throw new UsageException($"--mode '{modeText}' is not allowed; use fixed or batching"),
        };
        if (!FaultProfile.TryParse(parse.GetValue(_fault), out FaultProfile faults, out string error))
        {
            throw new UsageException("--fault: " + error);
        }

        int port = parse.GetValue(_port);
        if (port is < 0 or > 65535)
        {
            throw new UsageException($"--port must be 0..65535, got {port}");
        }

        int maxBatch = parse.GetValue(_maxBatch);
        if (maxBatch < 1)
        {
            throw new UsageException($"--max-batch must be at least 1, got {maxBatch}");
        }

        int natural = parse.GetValue(_naturalOutput);
        if (natural < 0)
        {
            throw new UsageException($"--natural-output-tokens must be 0 or more, got {natural}");
        }

        return new SimulatorOptions
        {
            Mode = mode,
            Port = port,
            TtftSeconds = D(parse, _ttft, "--ttft"),
            ItlSeconds = D(parse, _itl, "--itl"),
            MaxBatchSize = maxBatch,
            Steps = costModel ?? StepModel.Linear(D(parse, _prefillBase, "--prefill-base"), D(parse, _prefillPerToken, "--prefill-per-token"), D(parse, _decodeBase, "--decode-base"), D(parse, _decodePerSequence, "--decode-per-sequence"), D(parse, _decodePerContextToken, "--decode-per-context-token")),
            Faults = faults,
            Seed = parse.GetValue(_seed),
            NaturalOutputTokens = natural,
            ModelName = parse.GetValue(_modelName) ?? "burnrate-sim",
        };
    }

    /// <summary>The cost-model step times when --model is given: one replica of the deployment, timed by the infer kernel.</summary>
    private StepModel? CostModel(ParseResult parse)
    {
        if (parse.GetValue(_costModel) is not { } modelId)
        {
            if (parse.GetValue(_gpu) is not null)
            {
                throw new UsageException("--gpu needs --model: the cost model times a model on an accelerator");
            }

            return null;
        }

        string gpuId = parse.GetValue(_gpu) ?? throw new UsageException("--model needs --gpu ID (see 'burnrate catalog gpus')");
        var assumptions = new List<Assumption>();
        (_, var model, InferenceDeployment deployment, _, _) = _deployment.Resolve(parse, _globals.LoadCatalog(parse), modelId, gpuId, parse.GetValue(_gpus), assumptions);
        if (deployment.Replicas != 1)
        {
            throw new UsageException($"--tp {deployment.TensorParallel} with --gpus {deployment.Devices} makes {deployment.Replicas} replicas; simulate serve models one replica, so use --tp {deployment.Devices}");
        }

        EfficiencyFactors efficiency = _deployment.Efficiency(parse, assumptions);
        string description = FormattableString.Invariant($"{model.Id} on {deployment.Devices}×{deployment.Accelerator.Id} tp {deployment.TensorParallel}, efficiency compute {efficiency.Compute:0.###}, bandwidth {efficiency.Bandwidth:0.###}, communication {efficiency.Communication:0.###}");
        return CostModelSteps.Create(new StepTimer(model, deployment, efficiency), description);
    }

    private static double D(ParseResult parse, Option<string> option, string name)
    {
        double seconds = Burnrate.Catalog.DurationText.ParseNonNegative(name, parse.GetValue(option)).Seconds;
        return seconds <= BenchRequest.MaxDurationSeconds ? seconds : throw new UsageException($"{name} '{parse.GetValue(option)}' is not allowed; expected at most 1e6 s");
    }

    /// <summary>Parses a duration with its unit (the one duration parser: a bare number is refused).</summary>
    private static double Seconds(string option, string text) => Burnrate.Catalog.DurationText.Parse(option, text).Seconds;

}
