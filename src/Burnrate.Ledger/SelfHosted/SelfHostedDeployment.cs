using Burnrate.Catalog.Resolution;

namespace Burnrate.Ledger.SelfHosted;

/// <summary>
/// A self-hosted deployment as a deployments YAML declares it: what it runs on (resolved and priced by
/// <see cref="DeploymentResolver"/>: $/GPU-hour, owned TCO or the catalog's cloud price), when it was up, and which
/// logged traffic it served.
/// </summary>
public sealed record SelfHostedDeployment
{
    /// <summary>Gets the deployment's name (unique in its file).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the model, accelerators, layout, precisions and price, as <c>burnrate infer</c> takes them.</summary>
    public required DeploymentRequest Deployment { get; init; }

    /// <summary>Gets the concurrency the cost model's prediction assumes (null: infer's default).</summary>
    public int? Concurrency { get; init; }

    /// <summary>Gets the first UTC day the deployment was up (and paid for).</summary>
    public required DateOnly From { get; init; }

    /// <summary>Gets the last UTC day it was up, inclusive (null: still up; the report's last day).</summary>
    public DateOnly? To { get; init; }

    /// <summary>Gets the routes: usage rows matching any of them (within the active days) were served by this deployment.</summary>
    public required IReadOnlyList<DeploymentRoute> Routes { get; init; }

    /// <summary>Gets where the deployment is declared (file:line:column), for messages.</summary>
    public string Location { get; init; } = string.Empty;
}

/// <summary>Which usage rows a deployment served: LiteLLM's <c>custom_llm_provider</c> and/or <c>api_base</c> (both compared without regard to case).</summary>
/// <param name="Provider">The usage rows' provider, or null for any.</param>
/// <param name="ApiBase">The usage rows' endpoint, or null for any.</param>
public sealed record DeploymentRoute(string? Provider, string? ApiBase);
