using System.Globalization;
using Burnrate.Core.Hardware;
using Burnrate.Core.Inference;
using Burnrate.Core.Models;
using Burnrate.Core.Quantities;
using Burnrate.Core.Training;
using Burnrate.Core.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Catalog;

/// <summary>Parses one validation group file (validation/README.md) into cases, every error located at file:line:column.</summary>
internal static class ValidationCaseReader
{
    private static readonly Dictionary<string, ValidationMetric> Metrics = new(StringComparer.Ordinal)
    {
        ["decodeTokensPerSecond"] = ValidationMetric.DecodeTokensPerSecond,
        ["ttftMs"] = ValidationMetric.TtftMs,
        ["prefillTokensPerSecond"] = ValidationMetric.PrefillTokensPerSecond,
        ["outputTokensPerSecond"] = ValidationMetric.OutputTokensPerSecond,
        ["gpuHours"] = ValidationMetric.GpuHours,
        ["modelTflopsPerDevice"] = ValidationMetric.ModelTflopsPerDevice,
    };

    private static readonly string[] Keys =
    [
        "id", "source", "date", "engine", "note", "metric", "measured", "accelerator", "devices", "tp", "pp", "ep",
        "model", "weights", "kv", "compute", "groupSize", "input", "output", "concurrency", "params", "tokens", "seqLen", "precision", "recompute", "tpCommOverlap",
    ];

    private static readonly Dictionary<string, RecomputeMode> RecomputeModes = new(StringComparer.Ordinal)
    {
        ["none"] = RecomputeMode.None,
        ["selective"] = RecomputeMode.Selective,
        ["full"] = RecomputeMode.Full,
    };

    private static readonly Dictionary<string, Precision> Precisions =
        Enum.GetValues<Precision>().ToDictionary(p => p.Id(), p => p, StringComparer.Ordinal);

    public static IEnumerable<(ValidationCase Case, string Location)> Read(string yaml, string file, BurnrateCatalog catalog)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CatalogException($"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message.Split('\n')[0]}", e);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException($"{file}: a validation file must be a mapping with 'group:' and 'cases:'");
        }

        var top = new YamlFields(root, file);
        string group = top.RequiredString("group");
        if (top.Required("cases") is not YamlSequenceNode list)
        {
            throw top.Error(top.Required("cases"), "field 'cases' must be a list of cases");
        }

        top.RejectUnknown("a validation file (allowed: group, cases)");
        var result = new List<(ValidationCase, string)>();
        foreach (YamlNode item in list.Children)
        {
            if (item is not YamlMappingNode node)
            {
                throw top.Error(item, $"each case must be a mapping of fields, got {YamlFields.Show(item)}");
            }

            var fields = new YamlFields(node, file);
            RejectUnknownKeys(node, fields);
            result.Add((ReadCase(fields, group, catalog), YamlFields.Locate(file, node)));
        }

        return result;
    }

    private static ValidationCase ReadCase(YamlFields f, string group, BurnrateCatalog catalog)
    {
        string id = f.RequiredString("id");
        ValidationMetric metric = Choice(f, "metric", Metrics);
        AcceleratorSpec accelerator = Resolve(f, "accelerator", catalog.Accelerator);
        var c = new ValidationCase
        {
            Id = id,
            Group = group,
            Metric = metric,
            Measured = Number(f, "measured"),
            Source = f.RequiredString("source"),
            Date = f.RequiredDate("date"),
            Engine = f.OptionalString("engine"),
            Note = f.OptionalString("note"),
        };
        int devices = f.RequiredPositiveInt("devices");
        int tp = f.OptionalInt("tp", 1, allowZero: false);
        int pp = f.OptionalInt("pp", 1, allowZero: false);
        int ep = f.OptionalInt("ep", 1, allowZero: false);
        c = metric is ValidationMetric.GpuHours or ValidationMetric.ModelTflopsPerDevice
            ? c with { Run = ReadRun(f, catalog, accelerator, devices, tp, pp, ep) }
            : ReadInference(f, catalog, c, accelerator, devices, tp, pp, ep);
        f.RejectUnknown($"case '{id}'");
        return c;
    }

    /// <summary>Rejects a misspelt field before any "missing required field" error it would otherwise cause.</summary>
    private static void RejectUnknownKeys(YamlMappingNode node, YamlFields fields)
    {
        foreach ((YamlNode key, _) in node.Children)
        {
            string name = (key as YamlScalarNode)?.Value ?? "";
            if (!Keys.Contains(name, StringComparer.Ordinal))
            {
                string near = Suggestions.Nearest(name, Keys) is { Count: > 0 } n ? $"; did you mean {string.Join(", ", n)}?" : "";
                throw fields.Error(key, $"unknown field '{name}' in a validation case{near}");
            }
        }
    }

    private static ValidationCase ReadInference(YamlFields f, BurnrateCatalog catalog, ValidationCase c, AcceleratorSpec accelerator, int devices, int tp, int pp, int ep)
    {
        ModelArchitecture model = Resolve(f, "model", catalog.Model);
        Precision weights = Choice(f, "weights", Precisions);
        var deployment = new InferenceDeployment
        {
            Accelerator = accelerator,
            Devices = devices,
            TensorParallel = tp,
            PipelineParallel = pp,
            ExpertParallel = ep,
            Weights = weights,
            WeightGroupSize = f.OptionalInt("groupSize", 0),
            KvCache = f.Find("kv") is null ? Precision.Bf16 : Choice(f, "kv", Precisions),
            Compute = f.Find("compute") is null ? InferenceDeployment.DefaultCompute(accelerator, weights) : Choice(f, "compute", Precisions),
            PricePerDeviceHour = new UsdPerGpuHour(accelerator.CloudPricePerHour?.Amount.Value ?? 0),
            DevicePower = accelerator.Tdp ?? new Watts(0),
        };
        if (deployment.Validate(model.Moe?.RoutedExperts ?? 0) is { } bad)
        {
            throw f.Error(f.Required("devices"), $"case '{c.Id}': {bad}");
        }

        var workload = new InferenceWorkload(f.RequiredPositiveInt("input"), f.RequiredPositiveInt("output"), f.RequiredPositiveInt("concurrency"));
        return c with { Model = model, Deployment = deployment, Workload = workload };
    }

    private static TrainingRun ReadRun(YamlFields f, BurnrateCatalog catalog, AcceleratorSpec accelerator, int devices, int tp, int pp, int ep)
    {
        ModelArchitecture? model = f.Find("model") is null ? null : Resolve(f, "model", catalog.Model);
        ParameterCount parameters = model is not null ? TrainingRun.ForArchitecture(model) : TrainingRun.ForParameterCount(Number(f, "params"));
        var run = new TrainingRun
        {
            Parameters = parameters,
            Architecture = model,
            Tokens = new Tokens(Number(f, "tokens")),
            SequenceLength = f.RequiredPositiveInt("seqLen"),
            Accelerator = accelerator,
            Devices = devices,
            TensorParallel = tp,
            PipelineParallel = pp,
            ExpertParallel = ep,
            Precision = Choice(f, "precision", Precisions),
            Mfu = new Fraction(TrainingEstimator.DefaultMfu),
            Recompute = f.Find("recompute") is null ? TrainingEstimator.DefaultMfuRecompute : Choice(f, "recompute", RecomputeModes),
            TensorParallelOverlap = f.Find("tpCommOverlap") is null ? TrainingCommunication.DefaultTensorParallelOverlap : Share(f, "tpCommOverlap"),
            DevicePower = accelerator.Tdp ?? new Watts(0),
            PricePerDeviceHour = new UsdPerGpuHour(0),
            Grid = new CarbonIntensity(0),
        };
        return run.Validate() is { } bad ? throw f.Error(f.Required("devices"), bad) : run with { Mfu = TrainingEstimator.DefaultMfuFor(run) };
    }

    private static T Resolve<T>(YamlFields f, string key, Func<string, T> lookup)
    {
        string id = f.RequiredString(key);
        try
        {
            return lookup(id);
        }
        catch (CatalogException e)
        {
            throw f.Error(f.Required(key), e.Message);
        }
    }

    private static T Choice<T>(YamlFields f, string key, IReadOnlyDictionary<string, T> choices)
    {
        string text = f.RequiredString(key);
        return choices.TryGetValue(text, out T? value)
            ? value
            : throw f.Error(f.Required(key), $"field '{key}' must be one of {string.Join(", ", choices.Keys)}, got \"{text}\"");
    }

    private static double Share(YamlFields f, string key)
    {
        YamlNode node = f.Required(key);
        string? text = (node as YamlScalarNode)?.Value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value >= 0 && value <= 1
            ? value
            : throw f.Error(node, $"field '{key}' must be a number in [0, 1], got {YamlFields.Show(node)}");
    }

    private static double Number(YamlFields f, string key)
    {
        YamlNode node = f.Required(key);
        string? text = (node as YamlScalarNode)?.Value;
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
            ? value
            : throw f.Error(node, $"field '{key}' must be a positive number, got {YamlFields.Show(node)}");
    }
}
