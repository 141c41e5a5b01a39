#!/usr/bin/env bash
# The gateway next to what an operator would otherwise deploy: direct calls to a fixed-response backend (nginx), an
# HAProxy peer doing the gateway's job (RS256 JWT, per-subject counter, routing, proxy), and the gateway on Payara
# Micro; then composition latency and each WAR's footprint. Everything on 127.0.0.1. See bench/README.md.
#
#   bench/run.sh            full run (~6 min, plus instance boots): 3 alternating rounds of 10 s per system, paced
#                           runs, composition, time to ready and RSS of all four WARs
#   bench/run.sh --smoke    the same steps with tiny durations, gateway footprint only (CI; the gateway's boot
#                           dominates: about a minute on a quiet machine)
#
# Tunables (environment): THREADS CONNECTIONS DURATION WARMUP ROUNDS DELAY_MS COMPOSE_CONNECTIONS HEAP BOOT_TIMEOUT
# FOOTPRINT (the WARs whose footprint is measured besides the gateway's, e.g. "user order"); GATEWAY_OPTS (extra JVM
# options of the gateway); VARIANT_OPTS (a second gateway with these extra JVM options joins
# the saturation rounds as "variant"); GATEWAY_ONLY=1 (footprint of the gateway only); PROFILE=1 (JFR recording of
# the gateway during the saturation rounds, work/gateway.jfr; summarise it with bench/jfr-top.sh).
# Output: bench/results/<UTC timestamp>/ report.md, chart.png, raw/ (every wrk output), work/ (configs, logs).
set -euo pipefail
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
SMOKE=
case "${1:-}" in
  --smoke) SMOKE=1 ;;
  "") ;;
  *) sed -n '2,16s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
esac

if [ -n "$SMOKE" ]; then
  DURATION=${DURATION:-2s} WARMUP=${WARMUP:-2s} ROUNDS=${ROUNDS:-1} DELAY_MS=${DELAY_MS:-20}
else
  DURATION=${DURATION:-10s} WARMUP=${WARMUP:-10s} ROUNDS=${ROUNDS:-3} DELAY_MS=${DELAY_MS:-50}
fi
THREADS=${THREADS:-1}
CONNECTIONS=${CONNECTIONS:-16}
COMPOSE_CONNECTIONS=${COMPOSE_CONNECTIONS:-4}
HEAP=${HEAP:-512m}
GATEWAY_OPTS=${GATEWAY_OPTS:-}

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

# ---- build what is missing ----
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' "$ROOT/pom.xml")
MICRO_JAR="$ROOT/target/payara-micro-$PAYARA_VERSION.jar"
WARS=(gateway)
[ -n "$SMOKE" ] || [ -n "${GATEWAY_ONLY:-}" ] || WARS+=(user inventory order)
# shellcheck disable=SC2206 # FOOTPRINT is a list of WAR names
[ -z "${FOOTPRINT:-}" ] || WARS=(gateway ${FOOTPRINT//gateway/})
MODE="full"
[ -z "$SMOKE" ] || MODE="smoke (tiny durations: the numbers mean nothing)"
modules=()
for war in "${WARS[@]}"; do
  [ -f "$ROOT/$war-war/target/$war.war" ] || modules+=("$war-war")
done
if [ ${#modules[@]} -gt 0 ]; then
  echo "Building ${modules[*]} (tests skipped)..."
  (cd "$ROOT" && mvn -B -q install -DskipTests -DskipITs -am -pl "$(IFS=,; echo "${modules[*]}")")
fi
if [ ! -f "$MICRO_JAR" ]; then
  (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" \
    -DoutputDirectory="$ROOT/target")
fi

# ---- keys and token ----
"$ROOT/server-config/dev-keys.sh"
GATEWAY_CONFIG="$ROOT/gateway-war/src/main/resources/META-INF/microprofile-config.properties"
export BENCH_PUBLIC_KEY="$ROOT/server-config/keys/dev-public.pem"
export BENCH_ISSUER=$(sed -n 's/^mp\.jwt\.verify\.issuer=//p' "$GATEWAY_CONFIG")
export BENCH_AUDIENCE=$(sed -n 's/^mp\.jwt\.verify\.audiences=//p' "$GATEWAY_CONFIG")
export BENCH_TOKEN=$("$ROOT/server-config/mint-token.sh" bench admin 7200)
export BENCH_CONNECTIONS=$CONNECTIONS

OUT="$BENCH/results/$(date -u +%Y%m%dT%H%M%SZ)"
WORK="$OUT/work"
RAW="$OUT/raw"
mkdir -p "$WORK/nginx-tmp" "$RAW"
# the instances deploy copies: a build running meanwhile cannot change what is measured
for war in "${WARS[@]}"; do cp "$ROOT/$war-war/target/$war.war" "$WORK/$war.war"; done
echo "Results: ${OUT#"$ROOT"/}"

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

# wait_for NAME URL STATUS LOG [SECONDS]: polls until URL answers STATUS; fails after the deadline (default
# BOOT_TIMEOUT, 300 s: Payara Micro needs 20 s on a quiet machine, several minutes on a saturated one) or on a failed
# deployment (Payara says "ready" even then, so the log is checked too).
wait_for() {
  local name=$1 url=$2 expected=$3 log=$4 deadline=$((SECONDS + ${5:-${BOOT_TIMEOUT:-300}}))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = "$expected" ]; do
    if [ $SECONDS -ge $deadline ] || grep -qE "Exception while loading the app|Error occurred during deployment" "$log" 2>/dev/null; then
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
  (cd "$WORK/$name-data" && exec java -Xmx"$HEAP" -Dhazelcast.socket.bind.any=false "$@" -jar "$MICRO_JAR" \
    --deploy "$war:$context" --port "$port" \
    --nocluster --disablephonehome --prebootcommandfile "$ROOT/server-config/micro/preboot-loopback.asadmin" \
    --rootDir "$WORK/$name-root" >"$WORK/$name.log" 2>&1) &
  MICRO_PID=$!
  PIDS+=("$MICRO_PID")
}

# ---- the backends ----
NGINX_PORT=$(free_port)
DELAYED_PORT=$(free_port)
HAPROXY_PORT=$(free_port)
GATEWAY_PORT=$(free_port)
export NGINX_PORT HAPROXY_PORT

java "$BENCH/DelayedBackend.java" "$DELAYED_PORT" "$DELAY_MS" >"$WORK/delayed.log" 2>&1 &
PIDS+=($!)
sed -e "s#@PORT@#$NGINX_PORT#" -e "s#@WORK@#$WORK#g" -e "s#@DELAYED_PORT@#$DELAYED_PORT#" \
  "$BENCH/nginx.conf.template" >"$WORK/nginx.conf"
nginx -c "$WORK/nginx.conf" -p "$WORK" -e "$WORK/nginx-error.log" >"$WORK/nginx.log" 2>&1 &
NGINX_PID=$!
PIDS+=("$NGINX_PID")
haproxy -f "$BENCH/haproxy.cfg" -db >"$WORK/haproxy.log" 2>&1 &
HAPROXY_PID=$!
PIDS+=("$HAPROXY_PID")

# ---- the gateway: users on nginx; orders and stock (composition only) on the delayed backend ----
# start_gateway NAME PORT [JVM option ...]
start_gateway() {
  local name=$1 port=$2
  shift 2
  start_micro "$name" "$WORK/gateway.war" / "$port" "$@" \
    -Dmp.jwt.verify.publickey.location="file://$BENCH_PUBLIC_KEY" \
    -Dgateway.service.user.urls="http://127.0.0.1:$NGINX_PORT/user" \
    -Dgateway.service.order.urls="http://127.0.0.1:$DELAYED_PORT/order" \
    -Dgateway.service.inventory.urls="http://127.0.0.1:$DELAYED_PORT/inventory" \
    -Dgateway.ratelimit.limit=10000 -Dgateway.ratelimit.window=1
}
echo "Starting the gateway on Payara Micro..."
GATEWAY_START=$(now_ms)
# shellcheck disable=SC2086 # GATEWAY_OPTS and VARIANT_OPTS are lists of JVM options
start_gateway gateway "$GATEWAY_PORT" $GATEWAY_OPTS
GATEWAY_PID=$MICRO_PID
if [ -n "${VARIANT_OPTS:-}" ]; then
  VARIANT_PORT=$(free_port)
  # shellcheck disable=SC2086
  start_gateway variant "$VARIANT_PORT" $GATEWAY_OPTS $VARIANT_OPTS
  VARIANT_PID=$MICRO_PID
fi
wait_for delayed "http://127.0.0.1:$DELAYED_PORT/ready" 200 "$WORK/delayed.log" 60
wait_for nginx "http://127.0.0.1:$NGINX_PORT/user/api/users?limit=1" 200 "$WORK/nginx-error.log" 30
wait_for haproxy "http://127.0.0.1:$HAPROXY_PORT/api/users?limit=1" 401 "$WORK/haproxy.log" 30
# 401 without a token: authentication is installed, not just the WAR deployed
wait_for gateway "http://127.0.0.1:$GATEWAY_PORT/api/users?limit=1" 401 "$WORK/gateway.log"
GATEWAY_READY_S=$(awk -v ms=$(($(now_ms) - GATEWAY_START)) 'BEGIN {printf "%.1f", ms / 1000}')
GATEWAY_RSS_READY=$(rss_mib "$GATEWAY_PID")
for url in "http://127.0.0.1:$HAPROXY_PORT/api/users?limit=1" "http://127.0.0.1:$GATEWAY_PORT/api/users?limit=1"; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $BENCH_TOKEN" "$url")
  [ "$status" = 200 ] || { echo "$url answered $status with a valid token, not 200" >&2; exit 1; }
done

declare -A URL=(
  [direct]="http://127.0.0.1:$NGINX_PORT/user/api/users?limit=1"
  [haproxy]="http://127.0.0.1:$HAPROXY_PORT/api/users?limit=1"
  [gateway]="http://127.0.0.1:$GATEWAY_PORT/api/users?limit=1"
)
SYSTEMS=(direct haproxy gateway)
declare -A SERVER_PID=([direct]=$NGINX_PID [haproxy]=$HAPROXY_PID [gateway]=$GATEWAY_PID)
if [ -n "${VARIANT_OPTS:-}" ]; then
  wait_for variant "http://127.0.0.1:$VARIANT_PORT/api/users?limit=1" 401 "$WORK/variant.log"
  URL[variant]="http://127.0.0.1:$VARIANT_PORT/api/users?limit=1"
  SERVER_PID[variant]=$VARIANT_PID
  SYSTEMS+=(variant)
fi
CLOCK_TICK=$(getconf CLK_TCK)

# cpu_ticks PID: user + system CPU time of the process and its children (nginx's workers), in clock ticks. CPU time
# per request does not depend on how much of the machine other work leaves to the process, unlike req/s.
cpu_ticks() {
  local pid total=0
  for pid in "$1" $(ps -o pid= --ppid "$1"); do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$total"
}

# drive FILE DURATION CONNECTIONS URL [RATE]: one wrk run; its output goes to raw/FILE.txt.
drive() {
  local file=$1 duration=$2 connections=$3 url=$4 rate=${5:-0}
  BENCH_RATE=$rate BENCH_CONNECTIONS=$connections wrk -t"$THREADS" -c"$connections" -d"$duration" --latency \
    -s "$BENCH/wrk.lua" "$url" >"$RAW/$file.txt" 2>&1
  grep -q '^BENCH ' "$RAW/$file.txt" || { echo "wrk failed, see raw/$file.txt" >&2; cat "$RAW/$file.txt" >&2; exit 1; }
}
# field FILE NAME: a value of the BENCH line of raw/FILE.txt
field() { sed -n "s/^BENCH .*\b$2=\([0-9.]*\).*/\1/p" "$RAW/$1.txt"; }
median() { sort -g | awk '{v[NR] = $1} END {print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }
# stat PREFIX NAME: the median of NAME over the runs raw/PREFIX-*.txt
stat() {
  local f
  for f in "$RAW/$1"-*.txt; do f=${f##*/}; field "${f%.txt}" "$2"; done | median
}
errors_of() {
  local f total=0
  for f in "$RAW/$1"-*.txt; do
    f=${f##*/}
    total=$((total + $(field "${f%.txt}" errors) + $(field "${f%.txt}" non2xx)))
  done
  echo "$total"
}
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
[ -z "${PROFILE:-}" ] || jcmd "$GATEWAY_PID" JFR.start name=bench settings=profile filename="$WORK/gateway.jfr" >/dev/null

# ---- saturation: warm-up, then alternating rounds ----
echo "Warm-up ($WARMUP each)..."
for system in "${SYSTEMS[@]}"; do drive "warmup-$system" "$WARMUP" "$CONNECTIONS" "${URL[$system]}"; done
for round in $(seq 1 "$ROUNDS"); do
  for system in "${SYSTEMS[@]}"; do
    echo "Round $round/$ROUNDS: $system, wrk -t$THREADS -c$CONNECTIONS -d$DURATION"
    before=$(cpu_ticks "${SERVER_PID[$system]}")
    drive "max-$system-$round" "$DURATION" "$CONNECTIONS" "${URL[$system]}"
    ticks=$(($(cpu_ticks "${SERVER_PID[$system]}") - before))
    # the CPU milliseconds the serving process spent per request, appended to the BENCH line
    sed -i "s/^BENCH .*/& cpums=$(awk -v t="$ticks" -v hz="$CLOCK_TICK" -v n="$(field "max-$system-$round" requests)" \
      'BEGIN {printf "%.3f", (n > 0 ? t * 1000 / hz / n : 0)}')/" "$RAW/max-$system-$round.txt"
  done
done
GATEWAY_RSS_LOADED=$(rss_mib "$GATEWAY_PID")
[ -z "${PROFILE:-}" ] || jcmd "$GATEWAY_PID" JFR.stop name=bench >/dev/null

# ---- a fixed moderate rate: half the gateway's measured maximum, the same for direct and gateway ----
RATE=$(stat max-gateway rps | awk '{printf "%d", $1 / 2}')
[ "$RATE" -ge 1 ] || RATE=1
for round in $(seq 1 "$ROUNDS"); do
  for system in direct gateway; do
    echo "Round $round/$ROUNDS at $RATE req/s: $system"
    drive "paced-$system-$round" "$DURATION" "$CONNECTIONS" "${URL[$system]}" "$RATE"
  done
done

# ---- composition: three delayed services, critical path 2d (orders then stock; the user call overlaps) ----
echo "Composition: overview with each service delayed by $DELAY_MS ms, $COMPOSE_CONNECTIONS connections"
OVERVIEW="http://127.0.0.1:$GATEWAY_PORT/api/users/1/overview"
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
  wait_for "$war" "http://127.0.0.1:$port/health/ready" 200 "$WORK/$war.log"
  READY_S[$war]=$(awk -v ms=$(($(now_ms) - start)) 'BEGIN {printf "%.1f", ms / 1000}')
  RSS_READY[$war]=$(rss_mib "$MICRO_PID")
  kill "$MICRO_PID"; wait "$MICRO_PID" 2>/dev/null || true
done

# ---- report ----
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf (b > 0 ? "%.2f" : "n/a"), a / b}'; }
minus() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a - b}'; }
declare -A RPS P50 P99 P999 CPUMS
for system in "${SYSTEMS[@]}"; do
  CPUMS[$system]=$(stat "max-$system" cpums)
  RPS[$system]=$(stat "max-$system" rps); P50[$system]=$(stat "max-$system" p50)
  P99[$system]=$(stat "max-$system" p99); P999[$system]=$(stat "max-$system" p999)
done
PACED_RPS_D=$(stat paced-direct rps) PACED_RPS_G=$(stat paced-gateway rps)
PACED_P50_D=$(stat paced-direct p50) PACED_P50_G=$(stat paced-gateway p50)
PACED_P99_D=$(stat paced-direct p99) PACED_P99_G=$(stat paced-gateway p99)
PACED_P999_D=$(stat paced-direct p999) PACED_P999_G=$(stat paced-gateway p999)
OV_P50=$(stat overview p50) OV_P99=$(stat overview p99) OV_RPS=$(stat overview rps)
CRITICAL=$((2 * DELAY_MS))
ERRORS=0
for prefix in max-direct max-haproxy max-gateway paced-direct paced-gateway overview; do
  ERRORS=$((ERRORS + $(errors_of "$prefix")))
done
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN {ok = (op == "ge") ? v >= t : v <= t; print ok ? "met" : "NOT met"}'; }
G_H=$(ratio "${RPS[gateway]}" "${RPS[haproxy]}")
ADDED_P99_PACED=$(minus "$PACED_P99_G" "$PACED_P99_D")
OV_RATIO=$(ratio "$OV_P50" "$CRITICAL")

{
  echo "# Benchmark $(basename "$OUT")"
  echo
  echo "Mode: $MODE. Host: $(nproc) cores, $(uname -r)," \
    "Java $(java -version 2>&1 | sed -n 's/.*version "\(.*\)".*/\1/p;q'), Payara Micro $PAYARA_VERSION, $(haproxy -v | sed -n 's/^HAProxy version \([^ ]*\).*/HAProxy \1/p'), $(nginx -v 2>&1 | sed 's/.*nginx\//nginx /')."
  echo "Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER (other work on the machine shares the cores:"
  echo "compare the ratios within this run, not absolute numbers across runs)."
  echo
  echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, warm-up $WARMUP per system, $ROUNDS alternating round(s); medians over rounds."
  echo "All three answer \`GET /api/users?limit=1\` (direct: nginx's \`/user/api/users?limit=1\`) with a valid RS256 token."
  echo "Errors (socket errors + non-2xx) over all measured runs: $ERRORS."
  [ -z "${VARIANT_OPTS:-}" ] || echo "variant: a second gateway instance with \`$VARIANT_OPTS\`, in the same rounds."
  echo
  echo "## Saturation"
  echo
  echo "| system | req/s | p50 ms | p99 ms | p99.9 ms | CPU ms per request |"
  echo "|---|---:|---:|---:|---:|---:|"
  for system in "${SYSTEMS[@]}"; do
    echo "| $system | ${RPS[$system]} | ${P50[$system]} | ${P99[$system]} | ${P999[$system]} | ${CPUMS[$system]} |"
  done
  echo
  echo "CPU ms per request: user + system time of the serving process(es) during the rounds / requests served - the"
  echo "cost of a request whatever share of the machine the process got (nginx: master and workers)."
  echo
  echo "| ratio / difference | value |"
  echo "|---|---:|"
  echo "| gateway / haproxy throughput | $G_H |"
  echo "| gateway / direct throughput | $(ratio "${RPS[gateway]}" "${RPS[direct]}") |"
  echo "| gateway / haproxy CPU per request | $(ratio "${CPUMS[gateway]}" "${CPUMS[haproxy]}") |"
  echo "| haproxy / direct throughput | $(ratio "${RPS[haproxy]}" "${RPS[direct]}") |"
  echo "| added latency at saturation, gateway - direct, p50 / p99 ms | $(minus "${P50[gateway]}" "${P50[direct]}") / $(minus "${P99[gateway]}" "${P99[direct]}") |"
  echo
  echo "## Fixed moderate rate: $RATE req/s (half the gateway's maximum), $CONNECTIONS connections"
  echo
  echo "| system | achieved req/s | p50 ms | p99 ms | p99.9 ms |"
  echo "|---|---:|---:|---:|---:|"
  echo "| direct | $PACED_RPS_D | $PACED_P50_D | $PACED_P99_D | $PACED_P999_D |"
  echo "| gateway | $PACED_RPS_G | $PACED_P50_G | $PACED_P99_G | $PACED_P999_G |"
  echo "| added (gateway - direct) | | $(minus "$PACED_P50_G" "$PACED_P50_D") | $ADDED_P99_PACED | $(minus "$PACED_P999_G" "$PACED_P999_D") |"
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
  echo "gateway: 401 without a token), timed from the java command."
  echo
  echo "## Targets"
  echo
  echo "| target | measured | |"
  echo "|---|---:|---|"
  echo "| gateway >= 0.5 x HAProxy throughput | $G_H | $(verdict "$G_H" 0.5 ge) |"
  echo "| p99 added latency <= 2 ms at half the gateway's max rate | $ADDED_P99_PACED ms | $(verdict "$ADDED_P99_PACED" 2 le) |"
  echo "| composition p50 <= 1.2 x critical path | $OV_RATIO | $(verdict "$OV_RATIO" 1.2 le) |"
  echo
  echo "![throughput and latency](chart.png)"
} >"$OUT/report.md"

# ---- chart: throughput per system, latency percentiles ----
{
  echo "# system rps p50 p99 p999"
  for system in "${SYSTEMS[@]}"; do
    echo "$system ${RPS[$system]} ${P50[$system]} ${P99[$system]} ${P999[$system]}"
  done
} >"$WORK/chart.dat"
gnuplot <<GNUPLOT
set terminal pngcairo size 1100,450 noenhanced
set output "$OUT/chart.png"
set multiplot layout 1,2 title "$(basename "$OUT"): GET /api/users?limit=1, wrk -c$CONNECTIONS"
set style fill solid 0.8 border -1
set grid ytics
set boxwidth 0.6
set title "throughput (req/s, median of rounds)"
set yrange [0:*]
plot "$WORK/chart.dat" using 0:2:xtic(1) with boxes notitle, "" using 0:2:(sprintf("%.0f", \$2)) with labels offset 0,0.7 notitle
set title "latency at saturation (ms, log scale)"
set logscale y
set yrange [*:*]
set style data histograms
set style histogram clustered gap 1
set boxwidth 0.9 relative
plot "$WORK/chart.dat" using 3:xtic(1) title "p50", "" using 4 title "p99", "" using 5 title "p99.9"
unset multiplot
GNUPLOT

echo
cat "$OUT/report.md"
