namespace Burnrate.Core.Models;

/// <summary>Mixture-of-Experts layout of a model's feed-forward layers.</summary>
/// <param name="RoutedExperts">Experts a router chooses among, per MoE layer.</param>
/// <param name="ExpertsPerToken">Routed experts each token uses (top-k).</param>
/// <param name="SharedExperts">Experts every token uses (DeepSeek-style), per MoE layer.</param>
/// <param name="DenseLayers">Leading layers with a dense FFN of the model's <c>FfnSize</c> instead of experts.</param>
/// <param name="ExpertFfnSize">Intermediate size of one expert.</param>
public sealed record MoeSpec(int RoutedExperts, int ExpertsPerToken, int SharedExperts, int DenseLayers, int ExpertFfnSize);
