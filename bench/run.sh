#!/usr/bin/env bash
# The gateway next to what an operator would otherwise deploy: direct calls to a fixed-response backend (nginx), an
# HAProxy peer doing the gateway's job (RS256 JWT, per-subject counter, routing, proxy), and the gateway on Payara
# Micro; a baseline gateway WAR in the same rounds; the upstream HTTP client candidates side by side; composition
# latency and each WAR's footprint. Everything on 127.0.0.1. See bench/README.md.
#
#   bench/run.sh            full run (~10 min plus instance boots): saturation, half the gateway's maximum, the
#                           client candidates, composition, time to ready and RSS of all four WARs
#   bench/run.sh --smoke    the same steps with tiny durations, gateway footprint only (the numbers mean nothing)
#
# Tunables (environment): THREADS (1) CONNECTIONS (32) DURATION WARMUP JVM_WARMUP ROUNDS DELAY_MS COMPOSE_CONNECTIONS
# HEAP BOOT_TIMEOUT; GATEWAY_OPTS (extra JVM options of every gateway); BASELINE_WAR=<gateway.war> or BASELINE_REV=<git
# revision> (a second gateway from that WAR joins the rounds as "baseline"; BASELINE_OPTS: its extra JVM options);
# VARIANT_OPTS (a gateway of this tree with these extra JVM options joins the rounds as "variant"); CLIENTS=0 (skip
# the client candidates); CLIENT_POOL; FOOTPRINT (WARs measured besides the gateway); GATEWAY_ONLY=1; PROFILE=1 (JFR
# of the gateway during saturation, work/gateway.jfr); PUBLISH=1 (copy the report and chart to
# bench/results/latest.md and latest.png).
# Output: bench/results/<UTC timestamp>/ report.md, chart.png, raw/ (every wrk output), work/ (configs, logs).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
# how an instance starts and when it is ready: server-config/micro/instance.properties
. "$ROOT/server-config/micro/instance.sh"
SMOKE=
case "${1:-}" in
  --smoke) SMOKE=1 ;;
  "") ;;
  *) awk 'NR > 1 && /^#/ {sub(/^# ?/, ""); print; next} NR > 1 {exit}' "$0" >&2; exit 2 ;;
esac

if [ -n "$SMOKE" ]; then
  DURATION=${DURATION:-2s} WARMUP=${WARMUP:-2s} ROUNDS=${ROUNDS:-1} DELAY_MS=${DELAY_MS:-20}
  JVM_WARMUP=${JVM_WARMUP:-$WARMUP}
else
  DURATION=${DURATION:-10s} WARMUP=${WARMUP:-10s} ROUNDS=${ROUNDS:-3} DELAY_MS=${DELAY_MS:-50}
  # the JIT of a Payara Micro instance needs longer than nginx and HAProxy (the report shows the JIT's CPU share)
  JVM_WARMUP=${JVM_WARMUP:-60s}
fi
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-32}
COMPOSE_CONNECTIONS=${COMPOSE_CONNECTIONS:-4}
HEAP=${HEAP:-512m}
GATEWAY_OPTS=${GATEWAY_OPTS:-}
CLIENTS=${CLIENTS:-1}
[ "$CLIENTS" = 0 ] && CLIENTS=
# the client candidates' pools: twice wrk's connections, at least 64 - never the limit
CLIENT_POOL=${CLIENT_POOL:-$((2 * CONNECTIONS > 64 ? 2 * CONNECTIONS : 64))}
[ -z "${BASELINE_WAR:-}" ] || [ -z "${BASELINE_REV:-}" ] || { echo "BASELINE_WAR or BASELINE_REV, not both" >&2; exit 2; }
[ -z "${BASELINE_WAR:-}" ] || [ -f "$BASELINE_WAR" ] || { echo "BASELINE_WAR: no file $BASELINE_WAR" >&2; exit 2; }

# ---- tools: Debian packages, installed when missing ----
missing=()
command -v nginx >/dev/null || missing+=(nginx-light)
command -v haproxy >/dev/null || missing+=(haproxy)
command -v wrk >/dev/null || missing+=(wrk)
command -v gnuplot >/dev/null || missing+=(gnuplot-nox)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]}..."
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -q >/dev/null && $SUDO apt-get install -y -q "${missing[@]}" >/dev/null
fi

OUT="$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$OUT/work"
RAW="$OUT/raw"
mkdir -p "$WORK/nginx-tmp" "$RAW"
echo "Results: ${OUT#"$ROOT"/}"

# ---- build what is missing or older than its sources (package, never install: nothing leaves the tree) ----
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")
MICRO_JAR="$ROOT/target/payara-micro-$PAYARA_VERSION.jar"
WARS=(gateway)
[ -n "$SMOKE" ] || [ -n "${GATEWAY_ONLY:-}" ] || WARS+=(user inventory order)
# shellcheck disable=SC2206 # FOOTPRINT is a list of WAR names
[ -z "${FOOTPRINT:-}" ] || WARS=(gateway ${FOOTPRINT//gateway/})
MODE="full"
[ -z "$SMOKE" ] || MODE="smoke (tiny durations: the numbers mean nothing)"
# stale FILE SOURCE...: FILE is missing or a SOURCE (file or folder) has something newer
stale() {
  local file=$1
  shift
  [ -f "$file" ] || return 0
  [ -n "$(find "$@" -newer "$file" -print -quit 2>/dev/null)" ]
}
modules=()
for war in "${WARS[@]}"; do
  if stale "$ROOT/$war-war/target/$war.war" "$ROOT/$war-war/src" "$ROOT/$war-war/pom.xml" "$ROOT/common/src" \
    "$ROOT/common/pom.xml" "$ROOT/pom.xml"; then
    modules+=("$war-war")
  fi
done
if [ ${#modules[@]} -gt 0 ]; then
  echo "Building ${modules[*]} (tests skipped)..."
  (cd "$ROOT" && mvn -B -q -DskipTests -DskipITs package -am -pl "$(IFS=,; echo "${modules[*]}")")
fi
if [ -n "$CLIENTS" ] && stale "$BENCH/clients/target/clients.war" "$BENCH/clients/src" "$BENCH/clients/pom.xml"; then
  echo "Building bench/clients..."
  mvn -B -q -f "$BENCH/clients/pom.xml" package
fi
if [ ! -f "$MICRO_JAR" ]; then
  (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
    -DoutputDirectory="$ROOT/target")
fi
# the baseline: a WAR given, or built from a git revision in work/ (git archive: no worktree, nothing checked out)
BASELINE_DESC=
if [ -n "${BASELINE_REV:-}" ]; then
  BASELINE_COMMIT=$(git -C "$ROOT" rev-parse --verify "$BASELINE_REV^{commit}")
  echo "Building the baseline gateway.war from $BASELINE_REV (${BASELINE_COMMIT:0:10})..."
  mkdir -p "$WORK/baseline-src"
  git -C "$ROOT" archive "$BASELINE_COMMIT" | tar -x -C "$WORK/baseline-src"
  mvn -B -q -f "$WORK/baseline-src/pom.xml" -DskipTests -DskipITs package -pl gateway-war -am
  BASELINE_WAR="$WORK/baseline-src/gateway-war/target/gateway.war"
  BASELINE_DESC="git $BASELINE_REV (${BASELINE_COMMIT:0:10}: $(git -C "$ROOT" log -1 --format=%s "$BASELINE_COMMIT" | cut -c1-80))"
elif [ -n "${BASELINE_WAR:-}" ]; then
  BASELINE_DESC="\`$BASELINE_WAR\` (built $(date -u -r "$BASELINE_WAR" +%Y-%m-%dT%H:%MZ))"
fi

# ---- keys and token ----
"$ROOT/server-config/dev-keys.sh"
GATEWAY_CONFIG="$ROOT/gateway-war/src/main/resources/META-INF/microprofile-config.properties"
export BENCH_PUBLIC_KEY="$ROOT/server-config/keys/dev-public.pem"
BENCH_ISSUER=$(sed -n 's/^mp\.jwt\.verify\.issuer=//p' "$GATEWAY_CONFIG")
BENCH_AUDIENCE=$(sed -n 's/^mp\.jwt\.verify\.audiences=//p' "$GATEWAY_CONFIG")
BENCH_TOKEN=$("$ROOT/server-config/mint-token.sh" bench admin 7200)
export BENCH_ISSUER BENCH_AUDIENCE BENCH_TOKEN

# the instances deploy copies: a build running meanwhile cannot change what is measured
for war in "${WARS[@]}"; do cp "$ROOT/$war-war/target/$war.war" "$WORK/$war.war"; done
[ -z "${BASELINE_WAR:-}" ] || cp "$BASELINE_WAR" "$WORK/baseline.war"
[ -z "$CLIENTS" ] || cp "$BENCH/clients/target/clients.war" "$WORK/clients.war"
GATEWAY_DESC="built $(date -u -r "$ROOT/gateway-war/target/gateway.war" +%Y-%m-%dT%H:%MZ) in a tree at $(git -C "$ROOT" rev-parse --short HEAD)"
[ -z "$(git -C "$ROOT" status --porcelain -- gateway-war common pom.xml 2>/dev/null)" ] || GATEWAY_DESC+=" with uncommitted changes"

# ---- processes: only the ones started here are stopped ----
PIDS=()
stop_all() {
  trap - INT TERM EXIT
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop_all INT TERM EXIT

# A free loopback port: random in 20000-59999, nothing listening (a race with another starter is unlikely).
free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
  done
}

# wait_for NAME PID URL STATUS LOG [SECONDS]: polls until URL answers STATUS; fails when process PID has ended, after
# the deadline (default BOOT_TIMEOUT, 300 s: Payara Micro needs 20 s on a quiet machine, several minutes on a
# saturated one) or on a failed deployment (Payara says "ready" even then, so the log is checked too).
wait_for() {
  local name=$1 pid=$2 url=$3 expected=$4 log=$5 deadline=$((SECONDS + ${6:-${BOOT_TIMEOUT:-300}}))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = "$expected" ]; do
    if ! kill -0 "$pid" 2>/dev/null || [ $SECONDS -ge $deadline ] ||
      instance_failed "$log"; then
      kill -0 "$pid" 2>/dev/null || echo "$name (pid $pid) has ended." >&2
      echo "$name did not come up; last lines of ${log#"$ROOT"/}:" >&2
      tail -n 30 "$log" >&2
      exit 1
    fi
    sleep 0.2
  done
}

rss_mib() { awk '/^VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
now_ms() { date +%s%3N; }

# start_micro NAME WAR CONTEXT PORT [JVM option ...]: a Payara Micro instance as run.sh starts them; sets MICRO_PID.
start_micro() {
  local name=$1 war=$2 context=$3 port=$4
  shift 4
  mkdir -p "$WORK/$name-data"
  # the services' embedded databases default to ./data: the instance runs in its own folder
  (cd "$WORK/$name-data" && exec java -Xmx"$HEAP" "${MICRO_JVM_OPTIONS[@]}" "$@" -jar "$MICRO_JAR" \
    --deploy "$war:$context" --port "$port" "${MICRO_STANDALONE[@]}" "${MICRO_OPTIONS[@]}" \
    --prebootcommandfile "$MICRO_PREBOOT" --rootDir "$WORK/$name-root" >"$WORK/$name.log" 2>&1) &
  MICRO_PID=$!
  PIDS+=("$MICRO_PID")
}

# ---- the backends ----
NGINX_PORT=$(free_port)
DELAYED_PORT=$(free_port)
HAPROXY_PORT=$(free_port)
export NGINX_PORT HAPROXY_PORT

# nodelay: the JDK server otherwise waits for a delayed ACK (~40 ms per answer on loopback)
java -Dsun.net.httpserver.nodelay=true "$BENCH/DelayedBackend.java" "$DELAYED_PORT" "$DELAY_MS" >"$WORK/delayed.log" 2>&1 &
DELAYED_PID=$!
PIDS+=("$DELAYED_PID")
sed -e "s#@PORT@#$NGINX_PORT#" -e "s#@WORK@#$WORK#g" -e "s#@DELAYED_PORT@#$DELAYED_PORT#" \
  "$BENCH/nginx.conf.template" >"$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log" >"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
haproxy -f "$BENCH/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")

declare -A URL=(
  [direct]="http://127.0.0.1:$NGINX_PORT/user/api/users?limit=1"
  [haproxy]="http://127.0.0.1:$HAPROXY_PORT/api/users?limit=1"
)
declare -A SERVER_PID=([direct]=$NGINX_PID [haproxy]=$HAPROXY_PID) BASE=() CLIENT_URL=()
SYSTEMS=(direct haproxy)

# ---- the gateways: users on nginx; orders and stock (composition only) on the delayed backend ----
# start_gateway NAME WAR [JVM option ...]: sets BASE[NAME], URL[NAME], SERVER_PID[NAME]
start_gateway() {
  local name=$1 war=$2 port
  shift 2
  port=$(free_port)
  start_micro "$name" "$war" / "$port" "$@" \
    -Dmp.jwt.verify.publickey.location="file://$BENCH_PUBLIC_KEY" \
    -Dgateway.service.user.urls="http://127.0.0.1:$NGINX_PORT/user" \
    -Dgateway.service.order.urls="http://127.0.0.1:$DELAYED_PORT/order" \
    -Dgateway.service.inventory.urls="http://127.0.0.1:$DELAYED_PORT/inventory" \
    -Dgateway.ratelimit.limit=10000 -Dgateway.ratelimit.window=1
  BASE[$name]="http://127.0.0.1:$port"
  URL[$name]="${BASE[$name]}/api/users?limit=1"
  SERVER_PID[$name]=$MICRO_PID
  SYSTEMS+=("$name")
}
wait_for delayed "$DELAYED_PID" "http://127.0.0.1:$DELAYED_PORT/ready" 200 "$WORK/delayed.log" 60
wait_for nginx "$NGINX_PID" "${URL[direct]}" 200 "$WORK/nginx-error.log" 30
wait_for haproxy "$HAPROXY_PID" "${URL[haproxy]}" 401 "$WORK/haproxy.log" 30
# the gateway boots alone, so that its time to ready is not shared with other boots
echo "Starting the gateway on Payara Micro..."
GATEWAY_START=$(now_ms)
# shellcheck disable=SC2086 # GATEWAY_OPTS, BASELINE_OPTS and VARIANT_OPTS are lists of JVM options
start_gateway gateway "$WORK/gateway.war" $GATEWAY_OPTS
GATEWAY_PID=$MICRO_PID
# 401 without a token: authentication is installed, not just the WAR deployed
wait_for gateway "$GATEWAY_PID" "${URL[gateway]}" 401 "$WORK/gateway.log"
GATEWAY_READY_S=$(awk -v ms=$(($(now_ms) - GATEWAY_START)) 'BEGIN {printf "%.1f", ms / 1000}')
GATEWAY_RSS_READY=$(rss_mib "$GATEWAY_PID")
# then the other instances together
EXTRA=()
if [ -n "${BASELINE_WAR:-}" ]; then
  echo "Starting the baseline gateway on Payara Micro..."
  # shellcheck disable=SC2086
  start_gateway baseline "$WORK/baseline.war" $GATEWAY_OPTS ${BASELINE_OPTS:-}
  EXTRA+=(baseline)
fi
if [ -n "${VARIANT_OPTS:-}" ]; then
  echo "Starting the variant gateway on Payara Micro..."
  # shellcheck disable=SC2086
  start_gateway variant "$WORK/gateway.war" $GATEWAY_OPTS $VARIANT_OPTS
  EXTRA+=(variant)
fi
CLIENT_VARIANTS=(ceiling jdk-sync jdk-async hc5-classic hc5-async)
if [ -n "$CLIENTS" ]; then
  CLIENTS_PORT=$(free_port)
  echo "Starting the client candidates on Payara Micro..."
  # shellcheck disable=SC2086 # the same JVM options as the gateway's
  start_micro clients "$WORK/clients.war" / "$CLIENTS_PORT" $GATEWAY_OPTS \
    -Dbench.backend="http://127.0.0.1:$NGINX_PORT" -Dbench.pool="$CLIENT_POOL"
  CLIENTS_PID=$MICRO_PID
fi
for name in "${EXTRA[@]}"; do
  wait_for "$name" "${SERVER_PID[$name]}" "${URL[$name]}" 401 "$WORK/$name.log"
done
for system in "${SYSTEMS[@]}"; do
  [ "$system" = direct ] && continue
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "${URL[$system]}")
  [ "$status" = 200 ] || { echo "$system answered $status with a valid token, not 200: ${URL[$system]}" >&2; exit 1; }
done
if [ -n "$CLIENTS" ]; then
  wait_for clients "$CLIENTS_PID" "http://127.0.0.1:$CLIENTS_PORT/ceiling/" 200 "$WORK/clients.log"
  expected=$(curl -s "${URL[direct]}")
  for variant in "${CLIENT_VARIANTS[@]}"; do
    CLIENT_URL[$variant]="http://127.0.0.1:$CLIENTS_PORT/$variant/user/api/users?limit=1"
    body=$(curl -s "${CLIENT_URL[$variant]}")
    [ "$body" = "$expected" ] || { echo "$variant answered '$body', not nginx's body" >&2; exit 1; }
  done
fi
CLOCK_TICK=$(getconf CLK_TCK)

# cpu_ticks PID: user + system CPU time of the process (all its threads) and its children (nginx's workers), in clock
# ticks (/proc/PID/stat fields 14 and 15). CPU time per request does not depend on how much of the machine other work
# leaves to the process, unlike req/s.
cpu_ticks() {
  local pid total=0 fields
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    [ -r "/proc/$pid/stat" ] || continue
    # after "pid (comm) ": field 3 (state) is fields[0], so utime (14) and stime (15) are fields[11] and [12]
    read -r -a fields < <(sed 's/^.*) //' "/proc/$pid/stat" 2>/dev/null) || continue
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# jit_ticks PID: the part of cpu_ticks spent by the JVM's JIT compiler threads (a warm-up too short for the JIT shows
# here; 0 for nginx and HAProxy)
jit_ticks() {
  local stat line total=0 fields
  for stat in /proc/"$1"/task/*/stat; do
    read -r line 2>/dev/null <"$stat" || continue # a thread that has just ended
    case $line in *"(C1 CompilerThre) "* | *"(C2 CompilerThre) "*) ;; *) continue ;; esac
    read -r -a fields <<<"${line##*) }"
    total=$((total + fields[11] + fields[12]))
  done
  echo "$total"
}

# drive FILE DURATION CONNECTIONS URL [RATE]: one wrk run; its output goes to raw/FILE.txt.
drive() {
  local file=$1 duration=$2 connections=$3 url=$4 rate=${5:-0}
  BENCH_RATE=$rate BENCH_THREADS=$THREADS BENCH_CONNECTIONS=$connections \
    wrk -t"$THREADS" -c"$connections" -d"$duration" --latency -s "$BENCH/wrk.lua" "$url" >"$RAW/$file.txt" 2>&1
  grep -q '^BENCH ' "$RAW/$file.txt" || { echo "wrk failed, see raw/$file.txt" >&2; cat "$RAW/$file.txt" >&2; exit 1; }
}
# measure FILE PID URL [RATE]: drive for DURATION over CONNECTIONS and append to the BENCH line the CPU microseconds
# that process PID spent per request served (cpuus=) and the JIT compiler's share of that time (jit=)
measure() {
  local file=$1 pid=$2 url=$3 rate=${4:-0} before jit_before ticks jit
  before=$(cpu_ticks "$pid") jit_before=$(jit_ticks "$pid")
  drive "$file" "$DURATION" "$CONNECTIONS" "$url" "$rate"
  kill -0 "$pid" 2>/dev/null || { echo "The process measured in raw/$file.txt (pid $pid) has ended" >&2; exit 1; }
  ticks=$(($(cpu_ticks "$pid") - before)) jit=$(($(jit_ticks "$pid") - jit_before))
  sed -i "s/^BENCH .*/& $(awk -v t="$ticks" -v j="$jit" -v hz="$CLOCK_TICK" -v n="$(field "$file" requests)" \
    'BEGIN {printf "cpuus=%.1f jit=%.3f", (n > 0 ? t * 1e6 / hz / n : 0), (t > 0 ? j / t : 0)}')/" "$RAW/$file.txt"
}
# field FILE NAME: a value of the BENCH line of raw/FILE.txt
field() { sed -n "s/^BENCH .*\b$2=\([0-9.]*\).*/\1/p" "$RAW/$1.txt"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# stat PREFIX NAME: the median of NAME over the runs raw/PREFIX-<round>.txt
stat() {
  local f
  for f in "$RAW/$1"-[0-9]*.txt; do f=${f##*/}; field "${f%.txt}" "$2"; done | median
}
errors_of() {
  local f total=0
  for f in "$RAW/$1"-[0-9]*.txt; do
    f=${f##*/}
    total=$((total + $(field "${f%.txt}" errors) + $(field "${f%.txt}" non2xx)))
  done
  echo "$total"
}
WRK_CMD="wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency -s bench/wrk.lua <url>"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "${PROFILE:-}" ] || jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile filename="$WORK/gateway.jfr" >/dev/null

# ---- 1. saturation: warm-up, then alternating rounds, CPU per request of each serving process ----
echo "Warm-up ($WARMUP for nginx and HAProxy, $JVM_WARMUP for each gateway)..."
for system in "${SYSTEMS[@]}"; do
  warmup=$JVM_WARMUP
  [ "$system" != direct ] && [ "$system" != haproxy ] || warmup=$WARMUP
  drive "warmup-$system" "$warmup" "$CONNECTIONS" "${URL[$system]}"
done
for round in $(seq 1 "$ROUNDS"); do
  for system in "${SYSTEMS[@]}"; do
    echo "Round $round/$ROUNDS: $system, wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
    measure "max-$system-$round" "${SERVER_PID[$system]}" "${URL[$system]}"
  done
done
GATEWAY_RSS_LOADED=$(rss_mib "$GATEWAY_PID")
[ -z "${PROFILE:-}" ] || jcmd "$GATEWAY_PID" JFR.stop name=bench >/dev/null

# ---- 3. a fixed moderate rate: half the gateway's measured maximum, the same for every system ----
RATE=$(stat max-gateway rps | awk '{printf "%d", $1 / 2}')
[ "$RATE" -ge 1 ] || RATE=1
for round in $(seq 1 "$ROUNDS"); do
  for system in "${SYSTEMS[@]}"; do
    echo "Round $round/$ROUNDS at $RATE req/s: $system"
    measure "paced-$system-$round" "${SERVER_PID[$system]}" "${URL[$system]}" "$RATE"
  done
done

# ---- 5. the upstream HTTP client candidates, one instance, alternating rounds ----
if [ -n "$CLIENTS" ]; then
  echo "Client candidates: warm-up ($JVM_WARMUP each)..."
  for variant in "${CLIENT_VARIANTS[@]}"; do
    drive "warmup-client-$variant" "$JVM_WARMUP" "$CONNECTIONS" "${CLIENT_URL[$variant]}"
  done
  for round in $(seq 1 "$ROUNDS"); do
    for variant in "${CLIENT_VARIANTS[@]}"; do
      echo "Round $round/$ROUNDS: client $variant"
      measure "client-$variant-$round" "$CLIENTS_PID" "${CLIENT_URL[$variant]}"
    done
  done
  CLIENTS_RSS=$(rss_mib "$CLIENTS_PID")
  # the candidates are measured: their instance's CPU is not shared with what follows
  kill "$CLIENTS_PID"; wait "$CLIENTS_PID" 2>/dev/null || true
fi

# ---- composition: three delayed services, critical path 2d (orders then stock; the user call overlaps) ----
echo "Composition: overview with each service delayed by $DELAY_MS ms, $COMPOSE_CONNECTIONS connections"
OVERVIEW="${BASE[gateway]}/api/users/1/overview"
status=$(curl -s -o "$RAW/overview.json" -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "$OVERVIEW")
grep -q '"complete":true' "$RAW/overview.json" || { echo "The overview answered $status, not complete:" >&2; cat "$RAW/overview.json" >&2; exit 1; }
drive "warmup-overview" "$WARMUP" "$COMPOSE_CONNECTIONS" "$OVERVIEW"
drive "overview-1" "$DURATION" "$COMPOSE_CONNECTIONS" "$OVERVIEW"
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# ---- footprint: time to ready and RSS of each WAR's instance (the gateway's measured above) ----
declare -A READY_S=([gateway]=$GATEWAY_READY_S) RSS_READY=([gateway]=$GATEWAY_RSS_READY)
for war in "${WARS[@]}"; do
  [ "$war" = gateway ] && continue
  port=$(free_port)
  echo "Footprint: $war-war..."
  start=$(now_ms)
  start_micro "$war" "$WORK/$war.war" "/$war" "$port"
  wait_for "$war" "$MICRO_PID" "http://127.0.0.1:$port/health/ready" 200 "$WORK/$war.log"
  READY_S[$war]=$(awk -v ms=$(($(now_ms) - start)) 'BEGIN {printf "%.1f", ms / 1000}')
  RSS_READY[$war]=$(rss_mib "$MICRO_PID")
  kill "$MICRO_PID"; wait "$MICRO_PID" 2>/dev/null || true
done

# ---- report ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f" : "n/a"), (b > 0 ? a / b : 0)}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }
minus1() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.1f", a - b}'; }
change() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%+.1f %%" : "n/a"), (b > 0 ? 100 * (a - b) / b : 0)}'; }
percent() { awk -v v="$1" 'BEGIN {printf "%.2f", 100 * v}'; }
declare -A RPS P50 P99 P999 CPU JIT PRPS PLATE P_P50 P_P99 P_P999 PCPU PJIT
for system in "${SYSTEMS[@]}"; do
  RPS[$system]=$(stat "max-$system" rps); P50[$system]=$(stat "max-$system" p50)
  P99[$system]=$(stat "max-$system" p99); P999[$system]=$(stat "max-$system" p999)
  CPU[$system]=$(stat "max-$system" cpuus); JIT[$system]=$(stat "max-$system" jit)
  PRPS[$system]=$(stat "paced-$system" rps); PLATE[$system]=$(stat "paced-$system" late)
  P_P50[$system]=$(stat "paced-$system" p50); P_P99[$system]=$(stat "paced-$system" p99)
  P_P999[$system]=$(stat "paced-$system" p999); PCPU[$system]=$(stat "paced-$system" cpuus)
  PJIT[$system]=$(stat "paced-$system" jit)
done
PACING=$(sed -n 's/^BENCH .*pacing=\([a-z]*\).*/\1/p' "$RAW/paced-gateway-1.txt")
declare -A C_RPS C_P50 C_P99 C_CPU C_JIT
if [ -n "$CLIENTS" ]; then
  for variant in "${CLIENT_VARIANTS[@]}"; do
    C_RPS[$variant]=$(stat "client-$variant" rps); C_P50[$variant]=$(stat "client-$variant" p50)
    C_P99[$variant]=$(stat "client-$variant" p99); C_CPU[$variant]=$(stat "client-$variant" cpuus)
    C_JIT[$variant]=$(stat "client-$variant" jit)
  done
fi
OV_P50=$(stat overview p50) OV_P99=$(stat overview p99) OV_RPS=$(stat overview rps)
CRITICAL=$((2 * DELAY_MS))
ERRORS=0
prefixes=(overview)
for system in "${SYSTEMS[@]}"; do prefixes+=("max-$system" "paced-$system"); done
[ -z "$CLIENTS" ] || for variant in "${CLIENT_VARIANTS[@]}"; do prefixes+=("client-$variant"); done
for prefix in "${prefixes[@]}"; do ERRORS=$((ERRORS + $(errors_of "$prefix"))); done
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {ok = (op == "ge") ? v >= t : v <= t; print ok ? "met" : "NOT met"}'; }
G_H=$(ratio "${RPS[gateway]}" "${RPS[haproxy]}")
ADDED_P99_PACED=$(minus "${P_P99[gateway]}" "${P_P99[direct]}")
OV_RATIO=$(ratio "$OV_P50" "$CRITICAL")
JAVA_DESC=$(java -version 2>&1 | awk 'NR == 2 {sub(/ \(build /, " "); sub(/\)$/, ""); print}')
WRK_DESC=$(wrk -v 2>&1 | awk 'NR == 1 {print $1, $2; exit}' || true)

{
  echo "# Benchmark $(basename "$OUT")"
  echo
  echo "Mode: $MODE."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| machine | $(nproc) CPUs ($(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)), $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, Linux $(uname -r) |"
  echo "| load average (1/5/15 min) | before: $LOAD_BEFORE; after: $LOAD_AFTER |"
  echo "| software | $JAVA_DESC; Payara Micro $PAYARA_VERSION; $(haproxy -v | sed -n 's/^HAProxy version \([^ ]*\).*/HAProxy \1/p'); $(nginx -v 2>&1 | sed 's/.*nginx\//nginx /'); $WRK_DESC |"
  echo "| gateway | \`gateway-war/target/gateway.war\`, $GATEWAY_DESC; -Xmx$HEAP${GATEWAY_OPTS:+, \`$GATEWAY_OPTS\`} |"
  [ -z "$BASELINE_DESC" ] || echo "| baseline | $BASELINE_DESC${BASELINE_OPTS:+, \`$BASELINE_OPTS\`} |"
  [ -z "${VARIANT_OPTS:-}" ] || echo "| variant | this tree's gateway.war with \`$VARIANT_OPTS\` |"
  echo "| wrk | \`$WRK_CMD\` (paced: with \`BENCH_RATE=<req/s>\`); warm-up $WARMUP for nginx and HAProxy, $JVM_WARMUP for each gateway and client candidate; $ROUNDS alternating round(s), medians over rounds |"
  echo "| errors | $ERRORS (socket errors + non-2xx over all measured runs) |"
  echo
  echo "Other work on the machine shares its cores: compare ratios and CPU per request within this run, not absolute"
  echo "rates across runs. Every system answers \`GET /api/users?limit=1\` (direct: nginx's \`/user/api/users?limit=1\`)"
  echo "with a valid RS256 token."
  echo
  echo "## 1. Saturation"
  echo
  echo "| system | req/s | x HAProxy | p50 ms | p99 ms | p99.9 ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  for system in "${SYSTEMS[@]}"; do
    echo "| $system | ${RPS[$system]} | $(ratio "${RPS[$system]}" "${RPS[haproxy]}") | ${P50[$system]} | ${P99[$system]} | ${P999[$system]} |"
  done
  echo
  echo "## 2. CPU per request"
  echo
  echo "| system | CPU µs/request at saturation | x HAProxy | JIT share % | CPU µs/request at $RATE req/s | JIT share % |"
  echo "|---|---:|---:|---:|---:|---:|"
  for system in "${SYSTEMS[@]}"; do
    echo "| $system | ${CPU[$system]} | $(ratio "${CPU[$system]}" "${CPU[haproxy]}") | $(percent "${JIT[$system]}") | ${PCPU[$system]} | $(percent "${PJIT[$system]}") |"
  done
  echo
  echo "User + system time of the serving process (all threads; nginx: master and workers) from \`/proc/<pid>/stat\`"
  echo "over each measured round ($CLOCK_TICK ticks/s), divided by the requests wrk counted: the cost of a request"
  echo "whatever share of the machine the process got. At the moderate rate it includes the idle work of the process"
  echo "(timers, GC) spread over fewer requests. JIT share: the part spent by the JVM's C1/C2 compiler threads - well"
  echo "above a few % means the warm-up ($WARMUP) was too short for the JIT and the figure overstates the steady state."
  echo
  echo "## 3. Half the gateway's maximum: $RATE req/s"
  echo
  echo "| system | achieved req/s | late sends % | p50 ms | p99 ms | p99.9 ms | p99 added over direct ms |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
  for system in "${SYSTEMS[@]}"; do
    added=$(minus "${P_P99[$system]}" "${P_P99[direct]}")
    [ "$system" = direct ] && added=-
    echo "| $system | ${PRPS[$system]} | $(percent "${PLATE[$system]}") | ${P_P50[$system]} | ${P_P99[$system]} | ${P_P999[$system]} | $added |"
  done
  echo
  echo "Pacing ($PACING): \`wrk.lua\`'s \`delay()\` gives each request the next slot of a fixed schedule of $RATE req/s"
  echo "(monotonic clock, 1 ms timer resolution); a send that could not start within 1 ms of its slot is late and keeps"
  echo "its place in the schedule. Latency is measured from the actual send, so a late share above 0 makes this table"
  echo "optimistic for that system. Achieved = answers / wrk's run time, which includes wrk's start and its 100 ms stop"
  echo "check: in runs of a few seconds it reads a few % under the target even without late sends. ($CONNECTIONS"
  echo "connections; wrk2 is not a Debian package.)"
  echo
  echo "## 4. Baseline"
  echo
  if [ -n "$BASELINE_DESC" ]; then
    echo "baseline: $BASELINE_DESC, same options, own port, in the same rounds."
    echo
    echo "| | baseline | gateway | change |"
    echo "|---|---:|---:|---:|"
    echo "| saturation req/s | ${RPS[baseline]} | ${RPS[gateway]} | $(change "${RPS[gateway]}" "${RPS[baseline]}") |"
    echo "| saturation p99 ms | ${P99[baseline]} | ${P99[gateway]} | $(change "${P99[gateway]}" "${P99[baseline]}") |"
    echo "| CPU µs/request at saturation | ${CPU[baseline]} | ${CPU[gateway]} | $(change "${CPU[gateway]}" "${CPU[baseline]}") |"
    echo "| p99 ms at $RATE req/s | ${P_P99[baseline]} | ${P_P99[gateway]} | $(change "${P_P99[gateway]}" "${P_P99[baseline]}") |"
    echo "| CPU µs/request at $RATE req/s | ${PCPU[baseline]} | ${PCPU[gateway]} | $(change "${PCPU[gateway]}" "${PCPU[baseline]}") |"
  else
    echo "No baseline in this run: \`BASELINE_WAR=<gateway.war>\` or \`BASELINE_REV=<git revision>\` adds one."
  fi
  echo
  echo "## 5. Upstream HTTP client candidates"
  echo
  if [ -n "$CLIENTS" ]; then
    echo "\`bench/clients\` on one Payara Micro (-Xmx$HEAP, --nocluster): \`GET /<variant>/user/api/users?limit=1\`"
    echo "forwarded to nginx with one shared client per variant (pools of $CLIENT_POOL connections), the same wrk."
    echo "ceiling: a servlet answering the same body itself. RSS after the rounds: $CLIENTS_RSS MiB."
    echo
    echo "| variant | req/s | x ceiling | p50 ms | p99 ms | CPU µs/request | CPU µs over ceiling | JIT share % |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|"
    for variant in "${CLIENT_VARIANTS[@]}"; do
      over=$(minus1 "${C_CPU[$variant]}" "${C_CPU[ceiling]}")
      [ "$variant" = ceiling ] && over=-
      echo "| $variant | ${C_RPS[$variant]} | $(ratio "${C_RPS[$variant]}" "${C_RPS[ceiling]}") | ${C_P50[$variant]} | ${C_P99[$variant]} | ${C_CPU[$variant]} | $over | $(percent "${C_JIT[$variant]}") |"
    done
  else
    echo "Not run (CLIENTS=0)."
  fi
  echo
  echo "## Composition"
  echo
  echo "\`GET /api/users/1/overview\`, each service delayed by d = $DELAY_MS ms; critical path 2d = $CRITICAL ms (orders, then"
  echo "stock; the user call overlaps). wrk -c$COMPOSE_CONNECTIONS -d$DURATION: $OV_RPS req/s."
  echo
  echo "| p50 ms | p99 ms | p50 / critical path |"
  echo "|---:|---:|---:|"
  echo "| $OV_P50 | $OV_P99 | $OV_RATIO |"
  echo
  echo "## Footprint (one instance per WAR, -Xmx$HEAP, Payara Micro --nocluster)"
  echo
  echo "| WAR | time to ready s | RSS at ready MiB |"
  echo "|---|---:|---:|"
  for war in "${WARS[@]}"; do echo "| $war | ${READY_S[$war]} | ${RSS_READY[$war]} |"; done
  echo
  echo "Gateway RSS after the load: $GATEWAY_RSS_LOADED MiB. Ready = the WAR answers (services: /health/ready 200;"
  echo "gateway: 401 without a token), timed from the java command; the gateway boots alone."
  echo
  echo "## Targets"
  echo
  echo "| target | measured | |"
  echo "|---|---:|---|"
  echo "| gateway >= 0.5 x HAProxy throughput | $G_H | $(verdict "$G_H" 0.5 ge) |"
  echo "| <= 2 ms p99 added over direct at half the gateway's max ($RATE req/s) | $ADDED_P99_PACED ms | $(verdict "$ADDED_P99_PACED" 2 le) |"
  echo "| <= 200 µs CPU per proxied request (gateway at saturation; at $RATE req/s: ${PCPU[gateway]} µs) | ${CPU[gateway]} µs | $(verdict "${CPU[gateway]}" 200 le) |"
  echo "| composition p50 <= 1.2 x critical path | $OV_RATIO | $(verdict "$OV_RATIO" 1.2 le) |"
  echo
  echo "![throughput, p99 and CPU per request per system](chart.png)"
} >"$OUT/report.md"

# ---- chart: throughput, p99 and CPU per request per system; the client candidates ----
{
  echo "# system rps p99 paced_p99 cpu paced_cpu"
  for system in "${SYSTEMS[@]}"; do
    echo "$system ${RPS[$system]} ${P99[$system]} ${P_P99[$system]} ${CPU[$system]} ${PCPU[$system]}"
  done
} >"$WORK/systems.dat"
CLIENT_PLOT="set title 'client candidates: not run (CLIENTS=0)'; unset key; plot [0:1] [0:1] NaN notitle"
if [ -n "$CLIENTS" ]; then
  {
    echo "# variant rps p99 cpu"
    for variant in "${CLIENT_VARIANTS[@]}"; do
      echo "$variant ${C_RPS[$variant]} ${C_P99[$variant]} ${C_CPU[$variant]}"
    done
  } >"$WORK/clients.dat"
  CLIENT_PLOT="set title 'client candidates at saturation: req/s (label: req/s, p99, CPU per request)'
plot '$WORK/clients.dat' using 0:2:xtic(1) with boxes notitle, '' using 0:2:(sprintf(\"%.0f req/s\\np99 %.1f ms\\n%.0f µs\", \$2, \$3, \$4)) with labels font \",10\" offset 0,2.2 notitle"
fi
gnuplot <<GNUPLOT
set terminal pngcairo size 1400,900 noenhanced
set output "$OUT/chart.png"
set multiplot layout 2,2 title "$(basename "$OUT"): GET /api/users?limit=1, wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $ROUNDS round(s)"
set style fill solid 0.8 border -1
set grid ytics
set logscale y
set title "throughput at saturation (req/s, median of rounds, log scale)"
set boxwidth 0.6
set offsets 0, 0, graph 0.12, 0
plot "$WORK/systems.dat" using 0:2:xtic(1) with boxes notitle, "" using 0:2:(sprintf("%.0f", \$2)) with labels offset 0,0.7 notitle
set offsets 0, 0, 0, 0
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9 relative
set key top left
set title "p99 latency (ms, log scale)"
plot "$WORK/systems.dat" using 3:xtic(1) title "at saturation", "" using 4 title "at $RATE req/s"
set title "CPU per request (µs, log scale)"
plot "$WORK/systems.dat" using 5:xtic(1) title "at saturation", "" using 6 title "at $RATE req/s"
unset logscale y
set style data boxes
set boxwidth 0.6
set yrange [0:*]
set offsets 0.4, 0.4, graph 0.35, 0
$CLIENT_PLOT
unset multiplot
GNUPLOT

if [ -n "${PUBLISH:-}" ]; then
  sed 's/(chart\.png)/(latest.png)/' "$OUT/report.md" >"$BENCH/results/latest.md"
  cp "$OUT/chart.png" "$BENCH/results/latest.png"
  echo "Published: bench/results/latest.md, latest.png"
fi

# a complete run: stop everything and drop Payara Micro's unpacked runtimes (~100 MB each; the logs are in work/)
stop_all
rm -rf "$WORK"/*-root
echo
cat "$OUT/report.md"
