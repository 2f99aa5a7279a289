#!/usr/bin/env bash
# Runs every Burnrate test on a fresh machine and ends with one line: "N passed, N failed[, N skipped]".
# It installs what the tests need by itself (NuGet restore; Debian packages once a suite needs them).
set -uo pipefail
cd "$(dirname "$0")/.."

results="artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

# The web dashboard's browser tests drive Debian's chromium through Playwright (which downloads no browser of its own).
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
    || echo "warning: could not install chromium; the browser tests will be reported skipped"
fi
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# The ledger's ClickHouse conformance tests run against two local servers (one cluster of two shards, loopback only),
# started here and stopped by their PIDs when this script exits, however it exits. Where Debian's packages cannot be
# installed or the servers do not start, the tests are reported skipped with the reason.
clickhouse_dir=$(mktemp -d "${TMPDIR:-/tmp}/burnrate-clickhouse.XXXXXX")
trap './scripts/clickhouse-servers.sh stop "$clickhouse_dir"' EXIT
clickhouse_env=$(./scripts/clickhouse-servers.sh start "$clickhouse_dir")
case "$clickhouse_env" in
  *"skip: "*)
    export BURNRATE_TEST_CLICKHOUSE_SKIP="${clickhouse_env##*skip: }"
    echo "warning: $BURNRATE_TEST_CLICKHOUSE_SKIP; the ClickHouse tests will be reported skipped" ;;
  *) eval "$clickhouse_env" ;;
esac

# The closed-loop test on llama.cpp (tests/Burnrate.Cli.Tests/LlamaCpp) serves a model through tools/llama-front, a small Node
# front over node-llama-cpp, pinned with its prebuilt CPU binaries in package-lock.json (no compiler needed). `npm install
# --no-save` installs the locked versions without touching the lock: `npm ci` refuses this lock because the registry has no
# 3.22.1 build for some other platforms node-llama-cpp lists as optional. Where npm is missing, cannot install it, or the
# binary does not load, the test is reported skipped with the reason.
llama_front=tools/llama-front
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
  export BURNRATE_TEST_LLAMACPP_SKIP="node and npm are not installed"
elif ! (cd "$llama_front" && timeout 300 npm install --no-save --prefer-offline --omit=optional --ignore-scripts --no-audit \
    --no-fund --loglevel=error) >"$results/llama-front-npm.log" 2>&1; then
  export BURNRATE_TEST_LLAMACPP_SKIP="npm could not install tools/llama-front: $(grep -m1 -i 'err' "$results/llama-front-npm.log" | cut -c1-160) (log: $results/llama-front-npm.log)"
elif ! llama_check=$(cd "$llama_front" && timeout 60 node check.mjs 2>&1 | tail -1); then
  export BURNRATE_TEST_LLAMACPP_SKIP="${llama_check:-the node-llama-cpp prebuilt binary check failed}"
fi
if [ -n "${BURNRATE_TEST_LLAMACPP_SKIP:-}" ]; then
  echo "warning: $BURNRATE_TEST_LLAMACPP_SKIP; the llama.cpp closed-loop test will be reported skipped"
fi

dotnet restore Burnrate.slnx --verbosity quiet || { echo "0 passed, 1 failed (restore failed)"; exit 1; }
dotnet build Burnrate.slnx -c Release --no-restore --verbosity quiet -nologo || { echo "0 passed, 1 failed (build failed)"; exit 1; }
# -m:1 runs the test assemblies one after another: the bench timing tests measure milliseconds and must not share
# the (two) cores with other suites.
dotnet test Burnrate.slnx -c Release --no-build --verbosity quiet -nologo -m:1 \
  --logger "trx" --results-directory "$results" -- RunConfiguration.TestSessionTimeout=3600000
status=$?

# Sum the counters of every TRX file (one per test project); plain grep/awk so the machine needs nothing else. A skipped
# test is counted in total but not in executed (VSTest leaves notExecuted at 0 for xunit skips).
read -r passed failed skipped < <(
  find "$results" -name '*.trx' -print0 | xargs -0 -r grep -ho '<Counters [^>]*>' |
  awk '{ for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/[">\/]/, "", kv[2]); c[kv[1]] += kv[2] } }
       END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["total"] - c["executed"] }')
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi

# The tool as a user gets it: pack, install into a temporary tool path, run `burnrate` (scripts/tool-smoke.sh).
smoke_log="$results/tool-smoke.log"
./scripts/tool-smoke.sh >"$smoke_log" 2>&1
smoke_status=$?
grep -E '^(ok|FAIL) - ' "$smoke_log"
if [ "$smoke_status" -ne 0 ]; then sed 's/^/  /' "$smoke_log" | tail -30; fi
read -r smoke_passed smoke_failed < <(awk '/^ok - / { p++ } /^FAIL - / { f++ } END { printf "%d %d\n", p, f }' "$smoke_log")
if [ "$smoke_status" -ne 0 ] && [ "$smoke_failed" -eq 0 ]; then smoke_failed=1; fi
passed=$((passed + smoke_passed))
failed=$((failed + smoke_failed))
# Say again, next to the counts, why tests were skipped (the warnings above scroll away in a long log).
for reason in "${BURNRATE_TEST_CLICKHOUSE_SKIP:-}" "${BURNRATE_TEST_LLAMACPP_SKIP:-}"; do
  if [ -n "$reason" ]; then echo "skipped because: $reason"; fi
done
line="$passed passed, $failed failed"
if [ "$skipped" -gt 0 ]; then line="$line, $skipped skipped"; fi
echo "$line"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
