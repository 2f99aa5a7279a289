namespace Burnrate.Bench.Client;

/// <summary>What one OpenAI-compatible response chunk (or whole response) carries.</summary>
internal struct ChunkInfo
{
    /// <summary>Gets or sets whether the chunk carries generated text or reasoning text (a role-only or empty delta does not).</summary>
    public bool HasContent { get; set; }

    public int? CompletionTokens { get; set; }

    public int? PromptTokens { get; set; }

    /// <summary>Gets or sets whether the chunk is an error object.</summary>
    public bool IsError { get; set; }

    /// <summary>Gets or sets whether the usage object has a negative token count (a server fault, never added to totals).</summary>
    public bool NegativeUsage { get; set; }
}
