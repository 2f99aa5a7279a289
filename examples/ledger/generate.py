#!/usr/bin/env python3
"""Writes the ledger example: six months of LiteLLM spend logs and revenue for a small API company (seeded, reproducible).

spend = tokens x list price (USD per 1M tokens: gpt-4o 2.50 in / 10.00 out, gpt-4o-mini 0.15 / 0.60,
claude-sonnet-4 3.00 / 15.00; the providers' public price pages, 2025), rounded to 1e-8 as LiteLLM logs it.
Requests to the self-hosted llama-3.1-70b (hosted_vllm) carry spend 0, as LiteLLM logs them without a custom price.
"""
import json, random
from datetime import datetime, timedelta, timezone

random.seed(16)
PRICES = {"gpt-4o": (2.50, 10.00, "openai"), "gpt-4o-mini": (0.15, 0.60, "openai"),
          "claude-sonnet-4": (3.00, 15.00, "anthropic"), "llama-3.1-70b": (0.0, 0.0, "hosted_vllm")}
# customer: (plan USD/month, requests in the first month, models they use, tags)
CUSTOMERS = {
    "acme":     (45, 30, ["gpt-4o", "gpt-4o-mini"], ["chat", "search"]),
    "globex":   (12, 20, ["gpt-4o-mini", "llama-3.1-70b"], ["summarize"]),
    "initech":  (5, 12, ["claude-sonnet-4"], ["chat", "agent"]),
    "umbrella": (30, 18, ["gpt-4o", "claude-sonnet-4", "llama-3.1-70b"], ["search", "agent"]),
}
GROWTH = 1.12  # requests grow 12 % a month
start = datetime(2026, 1, 1, tzinfo=timezone.utc)
logs, revenue, n = [], [], 0
for month in range(6):
    first = start.replace(month=1 + month)
    days = ((first.replace(month=first.month + 1) if first.month < 12 else first.replace(year=first.year + 1, month=1)) - first).days
    for name, (plan, base, models, tags) in CUSTOMERS.items():
        revenue.append(f"{first:%Y-%m-%d},{name},{plan:.2f},subscription")
        for _ in range(round(base * GROWTH ** month)):
            n += 1
            model = random.choice(models)
            pin, pout, provider = PRICES[model]
            prompt, completion = random.randint(10_000, 150_000), random.randint(500, 8_000)
            t = first + timedelta(seconds=random.randint(0, days * 86_400 - 1))
            spend = round((prompt * pin + completion * pout) / 1e6, 8)
            logs.append(json.dumps({
                "request_id": f"chatcmpl-{n:05d}", "call_type": "acompletion",
                "startTime": t.strftime("%Y-%m-%dT%H:%M:%S.000Z"), "endTime": (t + timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "model": model, "model_group": model, "custom_llm_provider": provider,
                "api_base": "http://10.0.0.7:8000/v1" if provider == "hosted_vllm" else f"https://api.{provider}.com/v1",
                "prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion, "spend": spend,
                "user": "svc-backend", "end_user": name, "team_id": "platform",
                "request_tags": [random.choice(tags)], "metadata": {"user_api_key_alias": "prod"}, "cache_hit": "False"}))
    if month == 2:
        revenue.append(f"{first + timedelta(days=9):%Y-%m-%d},initech,5.00,credit")
    revenue.append(f"{first + timedelta(days=27):%Y-%m-%d},acme,{5 + month:.2f},usage")
logs.sort(key=lambda line: json.loads(line)["startTime"])
open("spend-logs.jsonl", "w").write("\n".join(logs) + "\n")
open("revenue.csv", "w").write("date,customer,amountUsd,kind\n" + "\n".join(revenue) + "\n")
