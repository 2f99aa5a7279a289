#!/usr/bin/env bash
# Runs the issue's example scenario Monte Carlo (100,000 paths × 60 months) in Burnrate and in vectorized numpy on this machine and
# prints the medians of RUNS runs each (default 5) and the ratios. Needs Debian's python3-numpy (/usr/bin/python3).
#   numpy: timed inside its script (interpreter start and `import numpy` excluded), a fresh process per run.
#   Burnrate in-process: timed inside one process after a warm-up run (benchmarks/Burnrate.Benchmarks --montecarlo-timing), the
#     like-for-like comparison with numpy.
#   Burnrate CLI: median wall time of `plan --paths N` − median of `plan --paths 1`, fresh processes: process start, YAML, presets and
#     tornado cancel out; compiling the Monte Carlo's code (JIT) counts against Burnrate.
#   benchmarks/plan-numpy/compare.sh [paths]
set -euo pipefail
cd "$(dirname "$0")/../.."
paths=${1:-100000}
runs=${RUNS:-5}
dotnet build src/Burnrate.Cli -c Release -v quiet -nologo > /dev/null
dotnet build benchmarks/Burnrate.Benchmarks -c Release -v quiet -nologo > /dev/null
cli=artifacts/bin/Burnrate.Cli/release/burnrate.dll
scenario=examples/example-ai-api.yaml
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
now() { date +%s.%N; }
dotnet "$cli" plan "$scenario" --paths 1 --json > /dev/null   # warm the disk cache
for i in $(seq "$runs"); do
  t0=$(now); dotnet "$cli" plan "$scenario" --paths 1 --json > /dev/null; t1=$(now)
  dotnet "$cli" plan "$scenario" --paths "$paths" --json > "$out/burnrate.json"; t2=$(now)
  echo "$t0 $t1 $t2" >> "$out/burnrate.times"
  /usr/bin/python3 benchmarks/plan-numpy/example_numpy.py "$paths" 42 > "$out/numpy.$i.txt"
done
dotnet artifacts/bin/Burnrate.Benchmarks/release/Burnrate.Benchmarks.dll --montecarlo-timing "$paths" "$runs" > "$out/inprocess.txt"
/usr/bin/python3 - "$out" "$paths" "$runs" <<'PY'
import json, re, statistics, sys
out, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [list(map(float, line.split())) for line in open(f"{out}/burnrate.times")]
one = statistics.median(t1 - t0 for t0, t1, _ in rows)
full = statistics.median(t2 - t1 for _, t1, t2 in rows)
cli = full - one
inproc = [float(x) / 1000 for x in re.findall(r"run \d+: ([0-9.]+) ms wall", open(f"{out}/inprocess.txt").read())]
inproc_median = statistics.median(inproc)
numpy = [float(re.search(r"in ([0-9.]+) s", open(f"{out}/numpy.{i}.txt").read()).group(1)) for i in range(1, runs + 1)]
np_median = statistics.median(numpy)
d = json.load(open(f"{out}/burnrate.json"))
pm = n * 60
fmt = lambda ts: ", ".join(f"{t:.3f}" for t in ts)
print(f"{n} paths x 60 months, medians of {runs} runs")
print(f"numpy (in its script):       {np_median:.3f} s = {pm / np_median:>12,.0f} path-months/s  (runs: {fmt(numpy)})")
print(f"burnrate (in-process, warm): {inproc_median:.3f} s = {pm / inproc_median:>12,.0f} path-months/s  (runs: {fmt(inproc)})  {np_median / inproc_median:.1f}x numpy")
print(f"burnrate (CLI, incl. JIT):   {cli:.3f} s = {pm / cli:>12,.0f} path-months/s  (process {full:.3f} s - 1-path process {one:.3f} s)  {np_median / cli:.1f}x numpy")
print(f"cash P50 at horizon: burnrate {d['cash']['p50'][-1]:.4g} USD; numpy {re.search(r'horizon ([0-9.e+]+)', open(f'{out}/numpy.1.txt').read()).group(1)} USD")
PY
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
