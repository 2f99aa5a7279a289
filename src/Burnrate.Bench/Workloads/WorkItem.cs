namespace Burnrate.Bench.Workloads;

/// <summary>One request to send: the prompt, its client-side token count and the output length to ask for.</summary>
internal sealed record WorkItem(string Prompt, int PromptTokens, int OutputTokens);
