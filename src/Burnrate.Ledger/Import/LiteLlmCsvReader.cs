namespace Burnrate.Ledger.Import;

/// <summary>Reads LiteLLM SpendLogs exported as CSV (the LiteLLM_SpendLogs columns as the header).</summary>
internal static class LiteLlmCsvReader
{
    private static readonly string[] Columns =
        ["request_id", "startTime", "model", "model_group", "custom_llm_provider", "api_base", "prompt_tokens", "completion_tokens", "spend", "user", "end_user", "team_id", "request_tags"];

    /// <summary>Reads the records of a stream.</summary>
    public static IEnumerable<ImportItem<UsageRow>> Read(Stream stream, Action<long>? bytesRead = null)
    {
        var fields = new LiteLlmFields();
        return CsvRecords.Read(stream, LiteLlmFields.Source, Columns, (line, f, contentId) =>
        {
            fields.Reset();
            fields.RequestId = f[0];
            fields.StartTime = f[1];
            fields.Model = f[2];
            fields.ModelGroup = f[3];
            fields.Provider = f[4];
            fields.ApiBase = f[5];
            fields.PromptTokens = f[6];
            fields.CompletionTokens = f[7];
            fields.Spend = f[8];
            fields.User = f[9];
            fields.EndUser = f[10];
            fields.TeamId = f[11];
            if (!Features.TryAddFromText(f[12], fields.Tags))
            {
                return ImportItem<UsageRow>.Bad(line, $"request_tags: {FieldText.Show(f[12])} is neither a JSON list nor a comma-separated list");
            }

            string? error = fields.TryBuild(contentId, out UsageRow row);
            return error is null ? ImportItem<UsageRow>.Ok(line, row) : ImportItem<UsageRow>.Bad(line, error);
        }, required: ["startTime", "model"], bytesRead);
    }
}
