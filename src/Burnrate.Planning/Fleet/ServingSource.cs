namespace Burnrate.Planning.Fleet;

/// <summary>A serving entry's <c>from:</c> mapping: the deployment whose highest throughput within the SLO is one unit's capacity.</summary>
/// <param name="Name">The serving entry's name.</param>
/// <param name="Model">A catalog model id.</param>
/// <param name="Gpu">A catalog accelerator id.</param>
/// <param name="Gpus">Accelerators per unit (one replica).</param>
/// <param name="Weights">The weight precision ("bf16", "fp8", …), or null for the default.</param>
/// <param name="InputTokens">Prompt tokens per request.</param>
/// <param name="OutputTokens">Generated tokens per request.</param>
/// <param name="SloTtftSeconds">Time-to-first-token limit, seconds.</param>
/// <param name="SloTpotSeconds">Time-per-output-token limit, seconds.</param>
/// <param name="Location">Where the mapping is (file:line:column).</param>
public sealed record ServingSource(string Name, string Model, string Gpu, int Gpus, string? Weights, int InputTokens, int OutputTokens, double SloTtftSeconds, double SloTpotSeconds, string Location);

/// <summary>
/// The seam through which a fleet file's <c>serving: from:</c> reaches the cost model: capacity per unit = the highest throughput
/// (input + output tokens per second) that meets the SLO. The CLI supplies the implementation; without one, <c>from:</c> is an error.
/// </summary>
public interface IServingCapacity
{
    /// <summary>Gets the serving entry for <paramref name="source"/>.</summary>
    /// <param name="source">The <c>from:</c> fields.</param>
    /// <returns>The entry, with its capacity and how it was derived.</returns>
    ServingEntry Resolve(ServingSource source);
}
