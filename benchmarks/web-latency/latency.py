#!/usr/bin/env python3
"""Latency of Burnrate's HTTP API under concurrent clients, over loopback only.

Usage: latency.py URL --endpoint plan|infer|catalog --clients 16 --requests 320 [--paths 10000]
Each client thread keeps one HTTP/1.1 connection and sends its share of requests back to back; the script prints the count of
each status, and p50/p90/p99/max of the successful requests' latency (ms). Only 127.0.0.1 / ::1 / localhost URLs are accepted.
"""
import argparse
import http.client
import json
import statistics
import sys
import threading
import time
import urllib.parse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    ap.add_argument("--endpoint", choices=["plan", "infer", "catalog"], default="plan")
    ap.add_argument("--clients", type=int, default=16)
    ap.add_argument("--requests", type=int, default=320)
    ap.add_argument("--paths", type=int, default=10000)
    ap.add_argument("--example", default="api-startup")
    ap.add_argument("--distinct-seeds", action="store_true",
                    help="give every plan request its own seed, so none is answered from the server's cache of identical runs")
    ap.add_argument("--first-seed", type=int, default=1000, help="the first of the distinct seeds (a later run takes others)")
    ap.add_argument("--warmup", type=int, default=1, help="requests sent one by one before timing (the server compiles its hot code)")
    a = ap.parse_args()
    u = urllib.parse.urlparse(a.url)
    if u.hostname not in ("127.0.0.1", "::1", "localhost"):
        sys.exit("loopback only: the URL must be 127.0.0.1, ::1 or localhost")
    if not (1 <= a.clients <= 64 and 1 <= a.requests <= 10000 and 0 <= a.warmup <= 1000):
        sys.exit("bounded: 1..64 clients, 1..10000 requests, 0..1000 warm-up requests")

    if a.endpoint == "plan":
        method, path = "POST", "/api/plan"
        body = json.dumps({"example": a.example, "paths": a.paths, "seed": 42}).encode()
    elif a.endpoint == "infer":
        # The example body: a 70B model on 4 H100s at FP8, 2,000 in / 500 out tokens, 64 concurrent.
        method, path = "POST", "/api/infer"
        body = json.dumps({"model": "llama-3.1-70b", "gpu": "h100-sxm", "gpus": 4, "weights": "fp8", "input": 2000, "output": 500,
                           "concurrency": 64}).encode()
    else:
        method, path, body = "GET", "/api/catalog/gpus", None

    seeds = iter(range(a.first_seed, a.first_seed + a.requests + a.warmup + 1))
    lock = threading.Lock()
    latencies, statuses = [], {}
    per_client = [a.requests // a.clients + (1 if i < a.requests % a.clients else 0) for i in range(a.clients)]

    def client(n):
        conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
        for _ in range(n):
            payload = body
            if a.endpoint == "plan" and a.distinct_seeds:
                with lock:
                    seed = next(seeds)
                payload = json.dumps({"example": a.example, "paths": a.paths, "seed": seed}).encode()
            t0 = time.perf_counter()
            conn.request(method, path, body=payload, headers={"Content-Type": "application/json"} if body else {})
            r = conn.getresponse()
            r.read()
            ms = 1000 * (time.perf_counter() - t0)
            with lock:
                statuses[r.status] = statuses.get(r.status, 0) + 1
                if r.status == 200:
                    latencies.append(ms)
        conn.close()

    # Warm-up: requests one by one, so the server has compiled its code paths before timing.
    client(a.warmup)
    latencies.clear()
    statuses.clear()
    start = time.perf_counter()
    cpu_start = time.process_time()  # this client's own CPU (all its threads): on 2 cores it competes with the server
    threads = [threading.Thread(target=client, args=(n,)) for n in per_client]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    client_cpu = time.process_time() - cpu_start
    latencies.sort()

    def q(p):
        return latencies[min(len(latencies) - 1, int(round(p * (len(latencies) - 1))))] if latencies else float("nan")

    print(f"{method} {path} clients={a.clients} requests={a.requests}" + (f" paths={a.paths}" if a.endpoint == "plan" else "")
          + (" (every request its own seed: no cache hits)" if a.endpoint == "plan" and a.distinct_seeds else " (same body each time)" if a.endpoint == "plan" else "")
          + f" after {a.warmup} warm-up request" + ("s" if a.warmup != 1 else ""))
    print("statuses: " + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(f"ok latency ms: p50 {q(0.5):.1f}  p90 {q(0.9):.1f}  p99 {q(0.99):.1f}  max {latencies[-1] if latencies else float('nan'):.1f}"
          f"  mean {statistics.fmean(latencies) if latencies else float('nan'):.1f}  throughput {len(latencies) / wall:.1f}/s")
    print(f"client (this script) CPU {client_cpu:.2f} s over {wall:.2f} s wall ({client_cpu / wall:.2f} cores), {1000 * client_cpu / a.requests:.2f} CPU ms per request")


if __name__ == "__main__":
    main()
