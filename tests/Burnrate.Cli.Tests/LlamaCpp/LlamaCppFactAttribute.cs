namespace Burnrate.Cli.Tests.LlamaCpp;

/// <summary>A test that needs the llama.cpp front scripts/test.sh installs: reported as skipped, with the reason, when it is not there.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class LlamaCppFactAttribute : FactAttribute
{
    public LlamaCppFactAttribute()
    {
        if (LlamaFront.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
