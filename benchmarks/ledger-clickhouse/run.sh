#!/usr/bin/env bash
# Import rows/s and `ledger report --by customer,month` time for DuckDB, one ClickHouse server and the two-shard cluster,
# on a generated LiteLLM JSONL file of N rows (default 1,000,000; times in random order over 180 days, 1,000 customers).
# Starts its own local servers (scripts/clickhouse-servers.sh) and stops them at the end. Run by hand:
#   benchmarks/ledger-clickhouse/run.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rows="${1:-1000000}"
work=$(mktemp -d "${TMPDIR:-/tmp}/burnrate-ch-bench.XXXXXX")
servers="$work/servers"
trap './scripts/clickhouse-servers.sh stop "$servers"; rm -rf "$work"' EXIT

dotnet build src/Burnrate.Cli -c Release -nologo -v q >/dev/null
burnrate() { dotnet artifacts/bin/Burnrate.Cli/release/burnrate.dll "$@"; }

file="$work/spend-$rows.jsonl"
python3 - "$rows" "$file" <<'PY'
import random, sys, datetime
rows, path = int(sys.argv[1]), sys.argv[2]
rnd = random.Random(16)
models = [("gpt-4o", "openai"), ("gpt-4o-mini", "openai"), ("claude-sonnet-4", "anthropic"), ("llama-3.1-70b", "hosted_vllm")]
t0 = datetime.datetime(2026, 1, 1)
with open(path, "w") as w:
    for i in range(rows):
        m, p = models[rnd.randrange(4)]
        t = (t0 + datetime.timedelta(seconds=rnd.randrange(180 * 86400))).strftime("%Y-%m-%dT%H:%M:%S.000Z")
        inp, out = rnd.randrange(100, 20000), rnd.randrange(10, 2000)
        spend = rnd.randrange(0, 5000000) / 1e8
        tag = ("chat", "search", "summarize")[rnd.randrange(3)]
        w.write('{"request_id":"req-%d","startTime":"%s","model":"%s","custom_llm_provider":"%s","api_base":"https://api.example.com/v1",'
                '"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,"spend":%.8f,"user":"svc","end_user":"customer-%d","team_id":"team-a","request_tags":["%s"]}\n'
                % (i, t, m, p, inp, out, inp + out, spend, rnd.randrange(1000), tag))
PY

env_lines=$(./scripts/clickhouse-servers.sh start "$servers") || true
case "$env_lines" in *"skip: "*) echo "$env_lines"; exit 1 ;; esac
eval "$env_lines"

now() { date +%s.%N; }
load() { cut -d' ' -f1-3 /proc/loadavg; }
# The machine may be shared: the load average (1, 5, 15 min) is printed with every row, so figures can be read against it.
echo "$rows rows; commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'); $(nproc) cores; load average at start: $(load)"
echo "| store | import s | rows/s | report --by customer,month s (best of 3) | load average after |"
echo "| --- | ---: | ---: | ---: | --- |"
for store in duckdb clickhouse cluster; do
  case "$store" in
    duckdb) db="$work/ledger.duckdb" ;;
    clickhouse) db="$BURNRATE_TEST_CLICKHOUSE_1/bench_single" ;;
    cluster) db="$BURNRATE_TEST_CLICKHOUSE_1/bench_cluster?cluster=$BURNRATE_TEST_CLICKHOUSE_CLUSTER" ;;
  esac
  t0=$(now); burnrate ledger import "$file" --format litellm --db "$db" --json >/dev/null; t1=$(now)
  best=""
  for _ in 1 2 3; do
    r0=$(now); burnrate ledger report --by customer,month --db "$db" --json >/dev/null; r1=$(now)
    s=$(echo "$r1 - $r0" | bc -l); if [ -z "$best" ] || [ "$(echo "$s < $best" | bc -l)" = 1 ]; then best=$s; fi
  done
  import=$(echo "$t1 - $t0" | bc -l)
  printf '| %s | %.1f | %.0f | %.2f | %s |\n' "$store" "$import" "$(echo "$rows / $import" | bc -l)" "$best" "$(load)"
done
