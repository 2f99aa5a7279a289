#!/usr/bin/env bash
# Starts `burnrate serve` on a free loopback port, measures GET /api/catalog/gpus, POST /api/infer and POST /api/plan (10,000 paths) at 16
# concurrent clients with latency.py, and stops the server by its PID. Usage: benchmarks/web-latency/run.sh [REQUESTS]
# The plan is measured twice: the same body every time (identical runs share one computation and its kept answer) and every
# request with its own seed (each one computed), first right after start and then after 200 more plans (steady state). After each measurement, the server's CPU time over the wall time says how much
# of the machine it got (other work on a shared machine takes the rest), and CPU ms per request what one request costs.
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
ticks="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
measure() { # REQUESTS, then latency.py's arguments
  local n=$1; shift
  local cpu0 t0 cpu1 t1
  cpu0="$(cpu_ticks)"; t0="$(date +%s.%N)"
  python3 benchmarks/web-latency/latency.py "http://127.0.0.1:$port" --clients 16 --requests "$n" "$@"
  cpu1="$(cpu_ticks)"; t1="$(date +%s.%N)"
  awk -v c="$((cpu1 - cpu0))" -v hz="$ticks" -v w0="$t0" -v w1="$t1" -v n="$n" -v load="$(cut -d" " -f1 /proc/loadavg)" \
    'BEGIN { printf "server CPU %.2f s over %.2f s wall (%.2f of %d cores; load average %s), %.1f CPU ms per request\n", c / hz, w1 - w0, c / hz / (w1 - w0), '"$(nproc)"', load, 1000 * c / hz / n }'
}
measure "$((requests * 4))" --endpoint catalog
measure "$((requests * 4))" --endpoint infer
measure "$requests" --endpoint plan --paths 10000
measure "$requests" --endpoint plan --paths 10000 --distinct-seeds
# Again, once the server has run a few hundred plans and compiled them fully (tiered compilation) — its steady state.
measure "$requests" --endpoint plan --paths 10000 --distinct-seeds --first-seed 100000 --warmup 200
