using System.Globalization;
using Burnrate.Catalog;
using Burnrate.Catalog.Resolution;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Burnrate.Ledger.SelfHosted;

/// <summary>
/// Reads a deployments YAML (docs/ledger.md, "Self-hosted deployments"):
/// <code>
/// deployments:
///   - name: llama70b-h100
///     model: llama-3.1-70b
///     gpu: h100-sxm
///     gpus: 8                       # optional (default: replicas × tp × pp, else 1)
///     replicas: 2                   # optional: data-parallel copies of tp × pp GPUs each, as infer --replicas
///     weights: fp8                  # optional; tensorParallel, pipelineParallel, kvCache too
///     concurrency: 64               # optional: what the prediction assumes
///     gpuHourUsd: 2.49              # or owned: true with purchaseUsd, amortizationYears, electricityUsdPerKWh, pue…
///     from: 2026-01-01
///     to: 2026-03-31                # optional, inclusive
///     routes:
///       - {provider: hosted_vllm, apiBase: "http://10.0.0.5:8000/v1"}
/// </code>
/// Every error names file:line:column, the field, the bad value and what is allowed.
/// </summary>
public static class DeploymentsYaml
{
    /// <summary>Reads a deployments file.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The deployments, in file order (a usage row served by two goes to the first).</returns>
    /// <exception cref="CatalogException">The file is missing, not YAML, or a field is invalid.</exception>
    public static IReadOnlyList<SelfHostedDeployment> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Read(Catalog.Files.InputFile.ReadAllText(path, "deployments file"), path);
    }

    /// <summary>Parses deployments YAML.</summary>
    /// <param name="yaml">The text.</param>
    /// <param name="file">The file name errors start with.</param>
    /// <returns>The deployments, in file order.</returns>
    /// <exception cref="CatalogException">The YAML is malformed or a field is invalid.</exception>
    public static IReadOnlyList<SelfHostedDeployment> Read(string yaml, string file)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var stream = new YamlStream();
        try
        {
            Catalog.Files.YamlText.CheckCharacters(yaml, file);
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new CatalogException($"{file}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message.Split('\n')[0].Trim()}", e);
        }
        catch (InvalidOperationException e)
        {
            throw new CatalogException($"{file}: not valid YAML: {e.Message}", e);
        }

        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new CatalogException($"{file}:1:1: a deployments file must be one mapping with a 'deployments' list");
        }

        var top = new YamlFields(root, file);
        YamlNode listNode = top.Required("deployments");
        top.RejectUnknown("a deployments file (only 'deployments')");
        if (listNode is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            throw top.Error(listNode, $"field 'deployments' must be a non-empty list of deployments, got {YamlFields.Show(listNode)}");
        }

        var deployments = new List<SelfHostedDeployment>();
        foreach (YamlNode item in list)
        {
            SelfHostedDeployment d = item is YamlMappingNode m
                ? Deployment(new YamlFields(m, file), m, file)
                : throw top.Error(item, $"each deployment must be a mapping with name, model, gpu, from and routes, got {YamlFields.Show(item)}");
            if (deployments.Any(x => string.Equals(x.Name, d.Name, StringComparison.Ordinal)))
            {
                throw top.Error(item, $"deployment name '{d.Name}' is used twice; names must be unique");
            }

            deployments.Add(d);
        }

        return deployments;
    }

    private static SelfHostedDeployment Deployment(YamlFields f, YamlMappingNode node, string file)
    {
        string name = f.RequiredString("name");
        var price = new PriceRequest
        {
            GpuHourUsd = f.OptionalQuantity("gpuHourUsd", [], " (USD per GPU-hour)"),
            Owned = f.OptionalBool("owned", false),
            PurchaseUsd = f.OptionalQuantity("purchaseUsd", [], " (USD per device)"),
            AmortizationYears = f.OptionalQuantity("amortizationYears", [], " (years)"),
            SystemCostMultiplier = f.OptionalQuantity("systemCostMultiplier", [], " (≥ 1)"),
            ElectricityUsdPerKWh = f.OptionalQuantity("electricityUsdPerKWh", [], " (USD per kWh)"),
            Pue = f.OptionalQuantity("pue", [], " (≥ 1)"),
            DeviceWatts = f.OptionalQuantity("deviceWatts", [], " (W)"),
        };
        var request = new DeploymentRequest
        {
            Model = f.RequiredString("model"),
            Gpu = f.RequiredString("gpu"),
            Gpus = Optional(f, "gpus"),
            Replicas = Optional(f, "replicas"),
            TensorParallel = Optional(f, "tensorParallel"),
            PipelineParallel = Optional(f, "pipelineParallel"),
            ExpertParallel = Optional(f, "expertParallel"),
            Weights = f.OptionalString("weights"),
            KvCache = f.OptionalString("kvCache"),
            Price = price,
        };
        int? concurrency = Optional(f, "concurrency");
        DateOnly from = f.RequiredDate("from");
        DateOnly? to = f.Find("to") is not null ? f.RequiredDate("to") : null;
        if (to < from)
        {
            throw f.Error(f.Find("to")!, $"field 'to' must be a day on or after 'from' ({from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}), got \"{to.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"");
        }

        foreach ((string key, DateOnly? day) in new[] { ("from", (DateOnly?)from), ("to", to) })
        {
            if (day is { } d && (d < Reporting.LedgerDays.First || d > Reporting.LedgerDays.Last))
            {
                throw f.Error(f.Find(key)!, $"field '{key}' must be a day from {Reporting.LedgerDays.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} to {Reporting.LedgerDays.Last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, got \"{d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\"");
            }
        }

        YamlNode routesNode = f.Required("routes");
        f.RejectUnknown($"deployment '{name}'");
        if (request.Validate() is { Count: > 0 } problems)
        {
            throw f.Error(node, $"deployment '{name}': {string.Join("; ", problems.Select(p => p.ToString()))}");
        }

        return new SelfHostedDeployment
        {
            Name = name,
            Deployment = request,
            Concurrency = concurrency,
            From = from,
            To = to,
            Routes = Routes(f, file, name, routesNode),
            Location = f.Location(node),
        };
    }

    private static int? Optional(YamlFields f, string key) => f.Find(key) is not null ? f.OptionalInt(key, 1, allowZero: false) : null;

    private static List<DeploymentRoute> Routes(YamlFields f, string file, string name, YamlNode node)
    {
        if (node is not YamlSequenceNode { Children.Count: > 0 } list)
        {
            throw f.Error(node, $"field 'routes' of deployment '{name}' must be a non-empty list of {{provider, apiBase}}, got {YamlFields.Show(node)}");
        }

        var routes = new List<DeploymentRoute>();
        foreach (YamlNode item in list)
        {
            if (item is not YamlMappingNode m)
            {
                throw f.Error(item, $"each route of deployment '{name}' must be a mapping with provider and/or apiBase, got {YamlFields.Show(item)}");
            }

            var r = new YamlFields(m, file);
            var route = new DeploymentRoute(Blank(r.OptionalString("provider")), Blank(r.OptionalString("apiBase")));
            r.RejectUnknown($"a route of deployment '{name}' (provider, apiBase)");
            routes.Add(route.Provider is null && route.ApiBase is null
                ? throw f.Error(item, $"a route of deployment '{name}' needs 'provider' (LiteLLM's custom_llm_provider) or 'apiBase', or both")
                : route);
        }

        return routes;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
