#!/usr/bin/env bash
# Starts `burnrate serve` on a free loopback port, measures GET /api/catalog/gpus, POST /api/infer and POST /api/plan (10,000 paths) at 16
# concurrent clients with latency.py, and stops the server by its PID.
# Usage: benchmarks/web-latency/run.sh [REQUESTS] [--no-wait-ready]
# The server answers as soon as it listens, and compiles the API's hot paths with a warm-up of its own (serve prints "Ready for
# load: warmed up in …"); the measurement starts at that line. --no-wait-ready starts it as soon as the port answers instead, while
# the warm-up still runs (how this script measured before the server had a warm-up: the first requests then pay for the JIT).
# The plan is measured twice: the same body every time (identical runs share one computation and its kept answer) and every
# request with its own seed (each one computed), first right after start and then after 200 more plans (steady state). After each measurement, the server's CPU time over the wall time says how much
# of the machine it got (other work on a shared machine takes the rest), and CPU ms per request what one request costs (warm-up requests counted).
# latency.py also prints its own CPU per request: on 2 cores the client competes with the server.
set -euo pipefail
cd "$(dirname "$0")/../.."
requests="${1:-160}"
wait_ready=1
[ "${2:-}" = "--no-wait-ready" ] && wait_ready=0
dotnet build src/Burnrate.Cli -c Release -nologo -v q >/dev/null
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
log=/tmp/burnrate-latency-serve.$$.log
started="$(date +%s.%N)"
artifacts/bin/Burnrate.Cli/release/burnrate serve --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/catalog/gpus" >/dev/null 2>&1 && break; sleep 0.2; done
echo "listening after $(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }') s"
if [ "$wait_ready" = 1 ]; then
  for _ in $(seq 1 600); do grep -q '^Ready for load' "$log" && break; kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  grep '^Ready for load' "$log" || echo "no 'Ready for load' line within 60 s; measuring anyway"
else
  echo "not waiting for the warm-up (--no-wait-ready)"
fi
echo "machine: $(nproc) cores, load average $(cut -d" " -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
ticks="$(getconf CLK_TCK)"
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
measure() { # REQUESTS WARMUP, then latency.py's arguments
  local n=$1 w=$2; shift 2
  local cpu0 t0 cpu1 t1
  cpu0="$(cpu_ticks)"; t0="$(date +%s.%N)"
  python3 benchmarks/web-latency/latency.py "http://127.0.0.1:$port" --clients 16 --requests "$n" --warmup "$w" "$@"
  cpu1="$(cpu_ticks)"; t1="$(date +%s.%N)"
  awk -v c="$((cpu1 - cpu0))" -v hz="$ticks" -v w0="$t0" -v w1="$t1" -v n="$((n + w))" -v load="$(cut -d" " -f1 /proc/loadavg)" \
    'BEGIN { printf "server CPU %.2f s over %.2f s wall (%.2f of %d cores; load average %s), %.1f CPU ms per request\n", c / hz, w1 - w0, c / hz / (w1 - w0), '"$(nproc)"', load, 1000 * c / hz / n }'
}
measure "$((requests * 4))" 1 --endpoint catalog
measure "$((requests * 4))" 1 --endpoint infer
measure "$requests" 1 --endpoint plan --paths 10000
measure "$requests" 1 --endpoint plan --paths 10000 --distinct-seeds
# Again, once the server has run a few hundred plans and compiled them fully (tiered compilation) — its steady state.
measure "$requests" 200 --endpoint plan --paths 10000 --distinct-seeds --first-seed 100000
