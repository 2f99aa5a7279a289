namespace Burnrate.Ledger.Tests.Fixtures;

/// <summary>Saved OpenAI and Anthropic admin API pages and a price list, with hand-computed costs in the comments.</summary>
internal static class ProviderFixture
{
    public const string Prices =
        """
        source: "OpenAI and Anthropic pricing pages, read 2026-01-10"
        prices:
          - model: gpt-4o
            from: 2025-01-01
            inputUsdPerMillionTokens: 2.50
            outputUsdPerMillionTokens: 10.00
            cacheReadUsdPerMillionTokens: 1.25
          - model: gpt-4o
            from: 2026-01-15
            inputUsdPerMillionTokens: 2.00
            outputUsdPerMillionTokens: 8.00
            cacheReadUsdPerMillionTokens: 1.00
          - model: claude-sonnet-4
            inputUsdPerMillionTokens: 3.00
            outputUsdPerMillionTokens: 15.00
            cacheReadUsdPerMillionTokens: 0.30
            cacheWriteUsdPerMillionTokens: 3.75
        """;

    // Jan 10, proj_a, gpt-4o at the 2025 price: 800k uncached × 2.50/M = 2.00; 200k cached × 1.25/M = 0.25; 100k out × 10/M = 1.00 → 3.25
    // Jan 20, proj_b, gpt-4o at the Jan 15 price: 500k × 2/M = 1.00; 50k out × 8/M = 0.40 → 1.40; gpt-4o-mini has no price.
    public const string OpenAiUsage =
        """
        {"object":"page","data":[
          {"object":"bucket","start_time":1768003200,"end_time":1768089600,"results":[
            {"object":"organization.usage.completions.result","input_tokens":1000000,"output_tokens":100000,"input_cached_tokens":200000,"num_model_requests":50,"project_id":"proj_a","user_id":null,"api_key_id":null,"model":"gpt-4o","batch":false,"service_tier":"default"}]},
          {"object":"bucket","start_time":1768867200,"end_time":1768953600,"results":[
            {"object":"organization.usage.completions.result","input_tokens":500000,"output_tokens":50000,"input_cached_tokens":0,"num_model_requests":10,"project_id":"proj_b","model":"gpt-4o","batch":false},
            {"object":"organization.usage.completions.result","input_tokens":1000,"output_tokens":10,"num_model_requests":1,"project_id":"proj_b","model":"gpt-4o-mini","batch":false}]}],
         "has_more":false,"next_page":null}
        """;

    // Billed: Jan 10 2.30 + 1.00 = 3.30 (0.05 over the computed 3.25); Jan 20 1.40.
    public const string OpenAiCosts =
        """
        {"object":"page","data":[{"object":"bucket","start_time":1768003200,"end_time":1768089600,"results":[{"object":"organization.costs.result","amount":{"value":2.30,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"proj_a"},{"object":"organization.costs.result","amount":{"value":1.0,"currency":"usd"},"line_item":"gpt-4o, output","project_id":"proj_a"}]}],"has_more":false,"next_page":null}
        {"object":"page","data":[{"object":"bucket","start_time":1768867200,"end_time":1768953600,"results":[{"object":"organization.costs.result","amount":{"value":1.4,"currency":"usd"},"line_item":"gpt-4o, input","project_id":"proj_b"}]}],"has_more":false,"next_page":null}
        """;

    // 100k uncached × 3/M = 0.30; 20k cache writes × 3.75/M = 0.075; 400k cache reads × 0.30/M = 0.12; 10k out × 15/M = 0.15 → 0.645
    public const string AnthropicUsage =
        """
        {"data":[{"starting_at":"2026-01-12T00:00:00Z","ending_at":"2026-01-13T00:00:00Z","results":[{"uncached_input_tokens":100000,"cache_creation":{"ephemeral_1h_input_tokens":0,"ephemeral_5m_input_tokens":20000},"cache_read_input_tokens":400000,"output_tokens":10000,"server_tool_use":{"web_search_requests":0},"api_key_id":"apikey_1","workspace_id":"wrkspc_1","model":"claude-sonnet-4","service_tier":"standard","context_window":"0-200k"}]}],"has_more":false,"next_page":null}
        """;

    // 64.5 cents = 0.645
    public const string AnthropicCosts =
        """
        {"data":[{"starting_at":"2026-01-12T00:00:00Z","ending_at":"2026-01-13T00:00:00Z","results":[{"currency":"USD","amount":"64.5","workspace_id":"wrkspc_1","description":"Claude Sonnet 4 Usage","cost_type":"tokens","model":"claude-sonnet-4","service_tier":"standard","token_type":"uncached_input_tokens"}]}],"has_more":false,"next_page":null}
        """;
}
