namespace Burnrate.Ledger.Tests.Fixtures;

/// <summary>A small LiteLLM log and revenue file whose report figures are computed by hand in the tests' comments.</summary>
internal static class HandFixture
{
    // acme: 1.2345 + 10.005 = 11.2395; bob: 0.5; team-x: 3.3333; total 15.0728. Line 5 repeats request req-1.
    public const string SpendLogs =
        """
        {"request_id":"req-1","startTime":"2026-01-05T10:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":1000,"completion_tokens":500,"spend":1.2345,"user":"key-user","end_user":"acme","team_id":"t","request_tags":["chat"],"metadata":{"x":[1,2]}}
        {"request_id":"req-2","startTime":"2026-01-06 08:30:00","model":"gpt-4o-mini","custom_llm_provider":"openai","prompt_tokens":2000,"completion_tokens":1000,"spend":0.5,"user":"bob","end_user":null,"team_id":"t","request_tags":["search","chat"]}
        {"request_id":"req-3","startTime":"2026-01-20T23:59:59.999Z","model":"claude-sonnet-4","custom_llm_provider":"anthropic","prompt_tokens":3000,"completion_tokens":1000,"spend":"10.005","end_user":"acme","request_tags":"[]"}
        {"request_id":"req-4","startTime":"2026-02-02T00:00:00+02:00","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":500,"completion_tokens":250,"spend":3.3333e0,"team_id":"team-x"}
        {"request_id":"req-1","startTime":"2026-01-05T10:00:00Z","model":"gpt-4o","custom_llm_provider":"openai","prompt_tokens":1000,"completion_tokens":500,"spend":1.2345,"end_user":"acme"}

        """;

    // acme: 20 − 5 = 15; team-x 2; zeta 7 (no usage); total 24.
    public const string Revenue =
        """
        date,customer,amountUsd,kind
        2026-01-01,acme,20.00,subscription
        2026-01-15,acme,5.00,refund
        2026-02-01,team-x,2.00,usage
        2026-02-01,zeta,7,subscription
        """;
}
