namespace Burnrate.Ledger.Tests.Fixtures;

/// <summary>One generated LiteLLM SpendLogs record, with the values the test expects back.</summary>
internal sealed record SpendRecord(
    string RequestId, DateTime StartTime, string Model, string Provider, long PromptTokens, long CompletionTokens, decimal Spend,
    string? User, string? EndUser, string? TeamId, string[] Tags)
{
    public string Customer => EndUser ?? User ?? TeamId ?? "(unknown)";
}
