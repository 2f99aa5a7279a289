#!/usr/bin/env bash
# Runs the same closed-loop load with burnrate bench and with the aiohttp client against one fixed-timing simulator
# (TTFT 200 ms, ITL 20 ms) and prints, per concurrency: TTFT p50 and ITL p50 errors against the configured values,
# and dispatch-lag p99. Usage: benchmarks/bench-compare/run-comparison.sh [LEVELS...]   (default 1 64 256 1024 2048)
set -euo pipefail
cd "$(dirname "$0")/../.."
LEVELS=("${@:-1 64 256 1024 2048}")
OUT_TOKENS=16
dotnet build src/Burnrate.Cli -c Release -v q -nologo >/dev/null
BURNRATE=artifacts/bin/Burnrate.Cli/release/burnrate
log=$(mktemp)
$BURNRATE simulate serve --ttft 200ms --itl 20ms --max-seconds 1800 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
sleep 2
url=$(head -1 "$log" | awk '{print $3}')
printf '%-8s %-11s %10s %14s %13s %12s %8s\n' client concurrency completed ttft_err_ms itl_err_ms lag_p99_ms failed
for c in ${LEVELS[@]}; do
  n=$(( c < 64 ? 64 : c ))
  $BURNRATE bench --url "$url" --model sim --concurrency "$c" --requests "$n" --input-tokens 64 --output-tokens $OUT_TOKENS \
    --warmup "$c" --json 2>/dev/null | python3 -c '
import json, sys
l = json.load(sys.stdin)["levels"][0]
print("%-8s %-11d %10d %14.2f %13.2f %12.2f %8d" % ("burnrate", l["concurrency"], l["completed"], (l["ttftSeconds"]["p50"] - 0.2) * 1e3,
      (l["itlSeconds"]["p50"] - 0.02) * 1e3, l["dispatchLagSeconds"]["p99"] * 1e3, l["failed"]))'
  /usr/bin/python3 benchmarks/bench-compare/aiohttp_bench.py "$url" "$c" "$n" $OUT_TOKENS | python3 -c '
import json, sys
r = json.loads(sys.stdin.read())
f = lambda v, k: float("nan") if v is None else (v - k) * 1e3
print("%-8s %-11d %10d %14.2f %13.2f %12.2f %8d" % ("aiohttp", r["concurrency"], r["completed"], f(r["ttftP50"], 0.2), f(r["itlP50"], 0.02),
      (r["lagP99"] or 0) * 1e3, r["failed"]))'
done
