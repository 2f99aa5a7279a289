#!/usr/bin/env bash
# Runs the issue's example scenario Monte Carlo (100,000 paths × 60 months) in Burnrate and in vectorized numpy on this machine,
# RUNS times each (default 5), and prints the medians and their ratio.
# Burnrate's Monte Carlo time = median wall time of `plan --paths N` − median wall time of `plan --paths 1` (both fresh processes, so
# process start, YAML, presets and tornado cancel out; JIT of the Monte Carlo itself is included). numpy's time is measured inside
# its script (interpreter start and `import numpy` excluded). Needs Debian's python3-numpy (/usr/bin/python3).
#   benchmarks/plan-numpy/compare.sh [paths]
set -euo pipefail
cd "$(dirname "$0")/../.."
paths=${1:-100000}
runs=${RUNS:-5}
dotnet build src/Burnrate.Cli -c Release -v quiet -nologo > /dev/null
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
/usr/bin/python3 - "$out" "$paths" "$runs" <<'PY'
import json, re, statistics, sys
out, n, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rows = [list(map(float, line.split())) for line in open(f"{out}/burnrate.times")]
one = statistics.median(t1 - t0 for t0, t1, _ in rows)
full = statistics.median(t2 - t1 for _, t1, t2 in rows)
mc = full - one
numpy = [float(re.search(r"in ([0-9.]+) s", open(f"{out}/numpy.{i}.txt").read()).group(1)) for i in range(1, runs + 1)]
np_median = statistics.median(numpy)
d = json.load(open(f"{out}/burnrate.json"))
pm = n * 60
print(f"burnrate: {n} paths x 60 months, median of {runs}: process {full:.3f} s, 1-path process {one:.3f} s, Monte Carlo ~{mc:.3f} s = {pm / mc:,.0f} path-months/s")
print(f"  cash P50 at horizon {d['cash']['p50'][-1]:.4g} USD, P(cash out) {d['cashOutProbability']:.4f}")
print(f"numpy:    {n} paths x 60 months, median of {runs}: {np_median:.3f} s = {pm / np_median:,.0f} path-months/s (runs: {', '.join(f'{t:.3f}' for t in numpy)})")
print(open(f"{out}/numpy.1.txt").read().splitlines()[1])
print(f"ratio: burnrate {np_median / mc:.1f}x numpy")
PY
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
