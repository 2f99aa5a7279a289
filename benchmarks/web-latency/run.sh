#!/usr/bin/env bash
# Starts `burnrate serve` on a free loopback port, measures GET /api/catalog/gpus, POST /api/infer and POST /api/plan (10,000 paths) at 16
# concurrent clients with latency.py, and stops the server by its PID. Usage: benchmarks/web-latency/run.sh [REQUESTS]
# The plan is measured twice: the same body every time (identical runs share one computation and its kept answer) and every
# request with its own seed (each one computed; a quarter of REQUESTS, since each costs a full Monte Carlo run).
set -euo pipefail
cd "$(dirname "$0")/../.."
requests="${1:-160}"
dotnet build src/Burnrate.Cli -c Release -nologo -v q >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
artifacts/bin/Burnrate.Cli/release/burnrate serve --host 127.0.0.1 --port "$port" >/tmp/burnrate-latency-serve.log 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/catalog/gpus" >/dev/null 2>&1 && break; sleep 0.2; done
echo "machine: $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
python3 benchmarks/web-latency/latency.py "http://127.0.0.1:$port" --endpoint catalog --clients 16 --requests "$((requests * 4))"
python3 benchmarks/web-latency/latency.py "http://127.0.0.1:$port" --endpoint infer --clients 16 --requests "$((requests * 4))"
python3 benchmarks/web-latency/latency.py "http://127.0.0.1:$port" --endpoint plan --clients 16 --requests "$requests" --paths 10000
python3 benchmarks/web-latency/latency.py "http://127.0.0.1:$port" --endpoint plan --clients 16 --requests "$(( (requests + 3) / 4 ))" --paths 10000 --distinct-seeds
