#!/usr/bin/env python3
"""A minimal asyncio + aiohttp streaming load generator in the style of vLLM's benchmark_serving.py,
used to compare against `burnrate bench` on the same fixed-timing simulator.

Closed loop at a fixed concurrency: each of N tasks sends its next request when the previous one ends.
scheduled = when the slot became free, sent = when aiohttp reports the request headers written (TraceConfig), first token = first SSE chunk with
non-empty delta.content. Prints one JSON line with the same figures bench reports.
Usage: aiohttp_bench.py URL CONCURRENCY REQUESTS OUTPUT_TOKENS
"""
import asyncio
import json
import sys
import time

import aiohttp


def pct(values, p):
    if not values:
        return None
    s = sorted(values)
    h = (len(s) - 1) * p / 100.0
    lo = int(h)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (h - lo) * (s[hi] - s[lo])


async def on_headers_sent(session, ctx, params):
    ctx.trace_request_ctx["sent"] = time.perf_counter()


async def one(session, url, body, out):
    scheduled = time.perf_counter()
    trace = {"sent": None}
    first = None
    chunks = []
    try:
        async with session.post(url, json=body, trace_request_ctx=trace) as resp:
            if resp.status != 200:
                out["failed"] += 1
                return
            async for raw in resp.content:
                line = raw.strip()
                if not line.startswith(b"data:"):
                    continue
                data = line[5:].strip()
                if data == b"[DONE]":
                    break
                chunk = json.loads(data)
                choices = chunk.get("choices") or []
                if choices and (choices[0].get("delta") or {}).get("content"):
                    now = time.perf_counter()
                    chunks.append(now)
                    if first is None:
                        first = now
    except Exception:  # counted, never fatal
        out["failed"] += 1
        return
    sent = trace["sent"] or scheduled
    out["lag"].append(sent - scheduled)
    if first is not None:
        out["ttft"].append(first - sent)
        out["itl"].extend(b - a for a, b in zip(chunks, chunks[1:]))
    out["completed"] += 1


async def main():
    url, concurrency, requests, output_tokens = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    endpoint = url.rstrip("/") + "/chat/completions"
    body = {"model": "sim", "messages": [{"role": "user", "content": "hello " * 60}], "max_tokens": output_tokens,
            "ignore_eos": True, "stream": True, "stream_options": {"include_usage": True}}
    out = {"completed": 0, "failed": 0, "ttft": [], "itl": [], "lag": []}
    remaining = [requests]
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=600)
    trace_config = aiohttp.TraceConfig()
    trace_config.on_request_headers_sent.append(on_headers_sent)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout, trace_configs=[trace_config]) as session:
        async def worker():
            while remaining[0] > 0:
                remaining[0] -= 1
                await one(session, endpoint, body, out)
        # warm-up: one request per connection
        await asyncio.gather(*(one(session, endpoint, body, {"completed": 0, "failed": 0, "ttft": [], "itl": [], "lag": []}) for _ in range(concurrency)))
        await asyncio.gather(*(worker() for _ in range(concurrency)))
    print(json.dumps({"client": "aiohttp", "concurrency": concurrency, "completed": out["completed"], "failed": out["failed"],
                      "ttftP50": pct(out["ttft"], 50), "itlP50": pct(out["itl"], 50), "lagP99": pct(out["lag"], 99)}))


asyncio.run(main())
