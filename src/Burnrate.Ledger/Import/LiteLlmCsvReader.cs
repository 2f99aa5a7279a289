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

        // startTime, the token counts and spend are parsed from their characters; text only when a value is not in the
        // fast shape (the general parsers then read it, and name it when bad).
        var raw = new CsvRecords.Spans(1, 6, 7, 8);
        return CsvRecords.Read(stream, LiteLlmFields.Source, Columns, (line, f, contentId) =>
        {
            fields.Reset();
            fields.RequestId = f[0];
            if (raw.Has(1) && IsoInstant.TryParse(raw[1], out DateTime started))
            {
                fields.Started = started;
            }
            else
            {
                fields.StartTime = raw.Text(1);
            }

            fields.Model = f[2];
            fields.ModelGroup = f[3];
            fields.Provider = f[4];
            fields.ApiBase = f[5];
            if (raw.Has(6) && FieldText.TryCount(string.Empty, raw[6], false, out long input, out _))
            {
                fields.InputTokens = input;
            }
            else
            {
                fields.PromptTokens = raw.Text(6);
            }

            if (raw.Has(7) && FieldText.TryCount(string.Empty, raw[7], false, out long output, out _))
            {
                fields.OutputTokens = output;
            }
            else
            {
                fields.CompletionTokens = raw.Text(7);
            }

            if (raw.Has(8) && FieldText.TryMoney(string.Empty, raw[8], false, allowNegative: false, out decimal? spend, out _))
            {
                fields.SpendUsd = spend;
            }
            else
            {
                fields.Spend = raw.Text(8);
            }

            fields.User = f[9];
            fields.EndUser = f[10];
            fields.TeamId = f[11];
            if (!Features.TryAddFromText(f[12], fields.Tags))
            {
                return ImportItem<UsageRow>.Bad(line, $"request_tags: {FieldText.Show(f[12])} is neither a JSON list nor a comma-separated list");
            }

            string? error = fields.TryBuild(contentId, out UsageRow row);
            return error is null ? ImportItem<UsageRow>.Ok(line, row) : ImportItem<UsageRow>.Bad(line, error);
        }, required: ["startTime", "model"], bytesRead, raw);
    }
}
