namespace Burnrate.Ledger.Import;

/// <summary>
/// The SpendLogs fields of one LiteLLM record as text, from JSONL or CSV, and the one place they become a
/// <see cref="UsageRow"/>: customer = end_user, else user, else team_id; feature = request_tags; cost = spend.
/// </summary>
internal sealed class LiteLlmFields
{
    /// <summary>The importer's name and row-id namespace.</summary>
    public const string Source = "litellm";

    /// <summary>Gets the field names this importer reads (LiteLLM_SpendLogs columns).</summary>
    public static readonly string[] Names =
    [
        "request_id", "startTime", "endTime", "model", "model_group", "custom_llm_provider", "api_base", "prompt_tokens",
        "completion_tokens", "total_tokens", "spend", "user", "end_user", "team_id", "request_tags", "metadata", "cache_hit",
    ];

    public string? RequestId { get; set; }

    public string? StartTime
    {
        get;
        set
        {
            field = value;
            Started = null;
        }
    }

    /// <summary>Gets or sets startTime when read without a string (a valid instant; the last one set counts).</summary>
    public DateTime? Started
    {
        get;
        set
        {
            if (value is not null)
            {
                StartTime = null;
            }

            field = value;
        }
    }

    public string? Model { get; set; }

    public string? ModelGroup { get; set; }

    public string? Provider { get; set; }

    public string? ApiBase { get; set; }

    public string? PromptTokens
    {
        get;
        set
        {
            field = value;
            InputTokens = null;
        }
    }

    /// <summary>Gets or sets prompt_tokens when read without a string (a valid count; the last one set counts).</summary>
    public long? InputTokens
    {
        get;
        set
        {
            if (value is not null)
            {
                PromptTokens = null;
            }

            field = value;
        }
    }

    public string? CompletionTokens
    {
        get;
        set
        {
            field = value;
            OutputTokens = null;
        }
    }

    /// <summary>Gets or sets completion_tokens when read without a string (a valid count; the last one set counts).</summary>
    public long? OutputTokens
    {
        get;
        set
        {
            if (value is not null)
            {
                CompletionTokens = null;
            }

            field = value;
        }
    }

    public string? Spend
    {
        get;
        set
        {
            field = value;
            SpendUsd = null;
        }
    }

    /// <summary>Gets or sets spend when read without a string (a valid amount, rounded as <see cref="FieldText.TryMoney(string, string?, bool, out decimal?, out string?)"/> rounds; the last one set counts).</summary>
    public decimal? SpendUsd
    {
        get;
        set
        {
            if (value is not null)
            {
                Spend = null;
            }

            field = value;
        }
    }

    public string? User { get; set; }

    public string? EndUser { get; set; }

    public string? TeamId { get; set; }

    /// <summary>Gets the request tags collected so far.</summary>
    public List<string> Tags { get; } = [];

    /// <summary>Clears every field for the next record.</summary>
    public void Reset()
    {
        RequestId = StartTime = Model = ModelGroup = Provider = ApiBase = PromptTokens = CompletionTokens = Spend = User = EndUser = TeamId = null;
        Tags.Clear();
    }

    /// <summary>Builds the row, or names the first bad field.</summary>
    /// <param name="contentId">The row id to use when the record has no request_id.</param>
    /// <param name="row">The row.</param>
    /// <returns>Null, or why the record was rejected.</returns>
    public string? TryBuild(Func<Guid> contentId, out UsageRow row)
    {
        row = default;
        string? model = NonEmpty(Model) ?? NonEmpty(ModelGroup);
        if (model is null)
        {
            return "model: missing (neither model nor model_group is set)";
        }

        string? error = null;
        DateTime started = Started ?? default;
        long input = InputTokens ?? 0, output = OutputTokens ?? 0;
        decimal? spend = SpendUsd;
        if ((Started is null && !FieldText.TryInstant("startTime", StartTime, out started, out error))
            || (InputTokens is null && !FieldText.TryCount("prompt_tokens", PromptTokens, out input, out error))
            || (OutputTokens is null && !FieldText.TryCount("completion_tokens", CompletionTokens, out output, out error))
            || (SpendUsd is null && !FieldText.TryMoney("spend", Spend, allowNegative: false, out spend, out error)))
        {
            return error;
        }

        string? id = NonEmpty(RequestId);
        row = new UsageRow
        {
            RowId = id is null ? contentId() : RowIds.FromKey(Source, id),
            Source = Source,
            RequestId = id ?? string.Empty,
            StartedAt = started,
            Provider = NonEmpty(Provider) ?? "(unknown)",
            Model = model,
            Customer = NonEmpty(EndUser) ?? NonEmpty(User) ?? NonEmpty(TeamId) ?? "(unknown)",
            Feature = Features.FromTags(Tags),
            ApiBase = ApiBase ?? string.Empty,
            Requests = 1,
            InputTokens = input,
            OutputTokens = output,
            CostUsd = spend,
            CostSource = spend is null ? "unpriced" : "litellm spend",
            RequestInputTokens = input,
        };
        return null;
    }

    private static string? NonEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
