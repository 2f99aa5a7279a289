#!/usr/bin/env bash
# Runs the issue's example scenario Monte Carlo (100,000 paths × 60 months) in Burnrate and in vectorized numpy on this machine.
# Burnrate's Monte Carlo time = wall time at N paths − wall time at 1 path (process start, YAML, presets and tornado).
# Needs Debian's python3-numpy (/usr/bin/python3).
set -euo pipefail
cd "$(dirname "$0")/../.."
paths=${1:-100000}
dotnet build src/Burnrate.Cli -c Release -v quiet -nologo > /dev/null
cli=artifacts/bin/Burnrate.Cli/release/burnrate.dll
now() { date +%s.%N; }
dotnet "$cli" plan examples/example-ai-api.yaml --paths 1 --json > /dev/null   # warm the disk cache
t0=$(now); dotnet "$cli" plan examples/example-ai-api.yaml --paths 1 --json > /dev/null; t1=$(now)
dotnet "$cli" plan examples/example-ai-api.yaml --paths "$paths" --json > /tmp/burnrate-plan.json; t2=$(now)
python3 - "$t0" "$t1" "$t2" "$paths" <<'PY'
import json, sys
t0, t1, t2, n = map(float, sys.argv[1:])
mc = (t2 - t1) - (t1 - t0)
d = json.load(open("/tmp/burnrate-plan.json"))
print(f"burnrate: {int(n)} paths x 60 months: total {t2 - t1:.3f} s, Monte Carlo ~{mc:.3f} s = {n * 60 / mc:,.0f} path-months/s")
print(f"  cash P50 at horizon {d['cash']['p50'][-1]:.4g} USD, P(cash out) {d['cashOutProbability']:.4f}")
PY
/usr/bin/python3 benchmarks/plan-numpy/example_numpy.py "$paths" 42
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
