#!/usr/bin/env bash
# Starts (or stops) the ClickHouse the ledger's conformance tests run against: two clickhouse-server processes on
# 127.0.0.1 configured as one cluster of two shards ("burnrate_test"), plus the ZooKeeper that ON CLUSTER DDL needs,
# every file in one temporary folder. Debian's packages (clickhouse-server 18.16, zookeeper) are installed when missing.
#
#   scripts/clickhouse-servers.sh start DIR   prints "export VAR=VALUE" lines for the tests, or "skip: REASON" (exit 3)
#   scripts/clickhouse-servers.sh stop DIR    stops what start started, by the PIDs it recorded, and removes DIR
set -uo pipefail

cmd="${1:-}"
dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

stop() {
  for pidfile in "$dir"/*/pid; do
    [ -f "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    kill "$pid" 2>/dev/null
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null
    rm -f "$pidfile"
  done
  rm -rf "$dir"
}

if [ "$cmd" = stop ]; then stop; exit 0; fi
[ "$cmd" = start ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

skip() { echo "skip: $*"; stop; exit 3; }

install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@") >/dev/null 2>&1
}
if ! command -v clickhouse-server >/dev/null 2>&1; then
  install clickhouse-server clickhouse-client || skip "Debian's clickhouse-server could not be installed (apt-get install -y clickhouse-server clickhouse-client failed)"
fi
if [ ! -f /usr/share/java/zookeeper.jar ] || ! command -v java >/dev/null 2>&1; then
  install zookeeper || skip "Debian's zookeeper (needed by ClickHouse's ON CLUSTER DDL) could not be installed (apt-get install -y zookeeper failed)"
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
# Ten consecutive free ports from a base that depends on this shell's PID, so two runs side by side do not collide.
base=""
for try in $(seq 0 40); do
  b=$(( 20000 + ( ($$ + try * 97) % 400 ) * 100 ))
  ok=1
  for p in $(seq "$b" $((b + 9))); do port_free "$p" || { ok=0; break; }; done
  if [ "$ok" = 1 ]; then base=$b; break; fi
done
[ -n "$base" ] || skip "no ten consecutive free ports on 127.0.0.1"

mkdir -p "$dir/zk/data" "$dir/s1" "$dir/s2"
zk_port=$base
cat >"$dir/zk/zoo.cfg" <<CFG
tickTime=2000
dataDir=$dir/zk/data
clientPort=$zk_port
clientPortAddress=127.0.0.1
admin.enableServer=false
maxClientCnxns=100
4lw.commands.whitelist=ruok
CFG
(java -Xmx128m -XX:+UseSerialGC -Dzookeeper.admin.enableServer=false -cp /etc/zookeeper/conf:/usr/share/java/zookeeper.jar \
  org.apache.zookeeper.server.ZooKeeperServerMain "$dir/zk/zoo.cfg" >"$dir/zk/out.log" 2>&1 & echo $! >"$dir/zk/pid")

# ClickHouse 18.16 crashes when ZooKeeper is not up as it starts, so wait (bounded: 60 s) for ZooKeeper's "imok".
zk_ok() { exec 3<>"/dev/tcp/127.0.0.1/$zk_port" && printf ruok >&3 && [ "$(timeout 2 cat <&3)" = imok ]; } 2>/dev/null
for _ in $(seq 1 120); do ( zk_ok ) && break; sleep 0.5; done
( zk_ok ) || { sed 's/^/  /' "$dir/zk/out.log" | tail -5 >&2; skip "the local ZooKeeper did not answer within 60 s (log above)"; }

cat >"$dir/users.xml" <<CFG
<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>4000000000</max_memory_usage></default></profiles>
  <users>
    <default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default>
    <burnrate><password>burnrate-test-password</password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></burnrate>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
CFG

for i in 1 2; do
  http=$((base + i * 3 - 2)); tcp=$((base + i * 3 - 1)); inter=$((base + i * 3))
  mkdir -p "$dir/s$i/data" "$dir/s$i/tmp" "$dir/s$i/log" "$dir/s$i/user_files" "$dir/s$i/format_schemas"
  cat >"$dir/s$i/config.xml" <<CFG
<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>$dir/s$i/log/server.log</log><errorlog>$dir/s$i/log/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>$http</http_port>
  <tcp_port>$tcp</tcp_port>
  <interserver_http_port>$inter</interserver_http_port>
  <interserver_http_host>127.0.0.1</interserver_http_host>
  <path>$dir/s$i/data/</path>
  <tmp_path>$dir/s$i/tmp/</tmp_path>
  <user_files_path>$dir/s$i/user_files/</user_files_path>
  <format_schema_path>$dir/s$i/format_schemas/</format_schema_path>
  <users_config>$dir/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <timezone>UTC</timezone>
  <mark_cache_size>268435456</mark_cache_size>
  <uncompressed_cache_size>268435456</uncompressed_cache_size>
  <max_concurrent_queries>64</max_concurrent_queries>
  <remote_servers>
    <burnrate_test>
      <shard><replica><host>127.0.0.1</host><port>$((base + 2))</port></replica></shard>
      <shard><replica><host>127.0.0.1</host><port>$((base + 5))</port></replica></shard>
    </burnrate_test>
  </remote_servers>
  <zookeeper><node><host>127.0.0.1</host><port>$zk_port</port></node></zookeeper>
  <distributed_ddl><path>/clickhouse/task_queue/ddl</path></distributed_ddl>
</yandex>
CFG
done

start_server() { (clickhouse-server --config-file="$dir/s$1/config.xml" >>"$dir/s$1/log/stdout.log" 2>&1 & echo $! >"$dir/s$1/pid"); }
start_server 1
start_server 2

# Wait (bounded: 60 s) until ZooKeeper and both servers answer, and the cluster's DDL queue works.
ready=0
restarts=0
for _ in $(seq 1 120); do
  # 18.16 can crash (a null dereference in its DDL worker) when its first ZooKeeper session fails on a loaded machine:
  # a server that died is started again, at most three times in all.
  for i in 1 2; do
    if ! kill -0 "$(cat "$dir/s$i/pid")" 2>/dev/null && [ "$restarts" -lt 3 ]; then
      restarts=$((restarts + 1)); echo "clickhouse-servers: server $i exited while starting; starting it again" >&2; start_server "$i"
    fi
  done
  if curl -sf "http://127.0.0.1:$((base + 1))/?query=SELECT%201" >/dev/null 2>&1 \
     && curl -sf "http://127.0.0.1:$((base + 4))/?query=SELECT%201" >/dev/null 2>&1 \
     && curl -sf "http://127.0.0.1:$((base + 1))/" --data-binary "CREATE DATABASE IF NOT EXISTS burnrate_probe ON CLUSTER burnrate_test" >/dev/null 2>&1; then
    ready=1; break
  fi
  sleep 0.5
done
if [ "$ready" != 1 ]; then
  tail -3 "$dir"/s1/log/error.log "$dir"/zk/out.log 2>/dev/null | sed 's/^/  /' >&2
  skip "the two local ClickHouse servers did not answer within 60 s (logs above)"
fi
curl -sf "http://127.0.0.1:$((base + 1))/" --data-binary "DROP DATABASE IF EXISTS burnrate_probe ON CLUSTER burnrate_test" >/dev/null 2>&1

echo "export BURNRATE_TEST_CLICKHOUSE_1=clickhouse://127.0.0.1:$((base + 1))"
echo "export BURNRATE_TEST_CLICKHOUSE_2=clickhouse://127.0.0.1:$((base + 4))"
echo "export BURNRATE_TEST_CLICKHOUSE_CLUSTER=burnrate_test"
echo "export BURNRATE_TEST_CLICKHOUSE_USER=burnrate"
echo "export BURNRATE_TEST_CLICKHOUSE_PASSWORD=burnrate-test-password"
