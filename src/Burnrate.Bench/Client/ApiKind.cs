namespace Burnrate.Bench.Client;

/// <summary>Which OpenAI-compatible endpoint to call.</summary>
public enum ApiKind
{
    /// <summary><c>/chat/completions</c> with one user message.</summary>
    Chat,

    /// <summary><c>/completions</c> with a prompt string.</summary>
    Completions,
}
