namespace Burnrate.Catalog.Services;

/// <summary>A configuration to show beside the first one in an <see cref="InferRequest"/>: another model, accelerator and
/// weight precision (and device count) on the first configuration's other settings.</summary>
/// <param name="Model">A catalog model id or a config.json path.</param>
/// <param name="Gpu">A catalog accelerator id.</param>
/// <param name="Weights">The weight precision id.</param>
/// <param name="Gpus">The device count, or null for the first configuration's (and its tensor-parallel degree).</param>
public sealed record InferCompareTarget(string Model, string Gpu, string Weights, int? Gpus = null);
