#!/usr/bin/env bash
# Builds all WARs and starts the whole system on this machine, one Payara Micro instance per WAR, on embedded
# databases (H2 files under ./data, kept across runs). Ctrl-C stops everything.
#
#   ./run.sh                 build, then start gateway :8080, user :8081, order :8082, inventory :8083
#   SKIP_BUILD=1 ./run.sh    start without rebuilding
#   GATEWAY_PORT=9080 USER_PORT=9081 ORDER_PORT=9082 INVENTORY_PORT=9083 ./run.sh   other ports
#                            (the gateway's health and metrics: GATEWAY_MANAGEMENT_PORT, default 9180)
#   ./run.sh --cluster       the same, but :8080 is HAProxy (server-config/lb/haproxy.cfg, statistics on :8404) in
#                            front of two gateway instances (:8084, :8085) that form one Payara data grid on loopback
#                            (Hazelcast :6950, :6951) and so share the rate-limit counters; needs haproxy installed.
#                            Other ports: GATEWAY_1_PORT GATEWAY_2_PORT LB_STATS_PORT DATAGRID_PORT_1 DATAGRID_PORT_2
#                            GATEWAY_1_MANAGEMENT_PORT GATEWAY_2_MANAGEMENT_PORT (9184, 9185)
#   BOOT_SECONDS=600 ./run.sh   how long each instance may take to come up (default 180 s, 300 s with --cluster)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
# how an instance starts and when it is ready: server-config/micro/instance.properties
. "$ROOT/server-config/micro/instance.sh"

GATEWAY_PORT=${GATEWAY_PORT:-8080}
USER_PORT=${USER_PORT:-8081}
ORDER_PORT=${ORDER_PORT:-8082}
INVENTORY_PORT=${INVENTORY_PORT:-8083}
GATEWAY_MANAGEMENT_PORT=${GATEWAY_MANAGEMENT_PORT:-9180}
CLUSTER=
PORTS=("$GATEWAY_PORT" "$USER_PORT" "$ORDER_PORT" "$INVENTORY_PORT")
if [ "${1:-}" = "--cluster" ]; then
  CLUSTER=1
  GATEWAY_1_PORT=${GATEWAY_1_PORT:-8084}
  GATEWAY_2_PORT=${GATEWAY_2_PORT:-8085}
  LB_STATS_PORT=${LB_STATS_PORT:-8404}
  DATAGRID_PORT_1=${DATAGRID_PORT_1:-6950}
  DATAGRID_PORT_2=${DATAGRID_PORT_2:-6951}
  GATEWAY_1_MANAGEMENT_PORT=${GATEWAY_1_MANAGEMENT_PORT:-9184}
  GATEWAY_2_MANAGEMENT_PORT=${GATEWAY_2_MANAGEMENT_PORT:-9185}
  PORTS+=("$GATEWAY_1_PORT" "$GATEWAY_2_PORT" "$LB_STATS_PORT" "$DATAGRID_PORT_1" "$DATAGRID_PORT_2"
    "$GATEWAY_1_MANAGEMENT_PORT" "$GATEWAY_2_MANAGEMENT_PORT")
  command -v haproxy >/dev/null || { echo "./run.sh --cluster needs HAProxy: apt-get install -y haproxy" >&2; exit 1; }
elif [ $# -gt 0 ]; then
  sed -n '2,15s/^# \{0,1\}//p' "$0" >&2
  exit 2
else
  PORTS+=("$GATEWAY_MANAGEMENT_PORT")
fi
BOOT_SECONDS=${BOOT_SECONDS:-${CLUSTER:+300}}
BOOT_SECONDS=${BOOT_SECONDS:-180}
HEAP=${HEAP:-384m}
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
MICRO_JAR="$ROOT/target/payara-micro-$PAYARA_VERSION.jar"
RUN_DIR="$ROOT/target/run"

for port in "${PORTS[@]}"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is already in use: stop what runs there or choose other ports (see the top of run.sh)." >&2
    exit 1
  fi
done

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "Building (mvn package, tests skipped)..."
  mvn -B -q -DskipTests -DskipITs install
fi
if [ ! -f "$MICRO_JAR" ]; then
  # Payara Micro comes from Maven Central like every other dependency; the version is in the file name.
  mvn -B -q dependency:copy -Dartifact="fish.payara.extras:payara-micro:$PAYARA_VERSION" -DoutputDirectory="$ROOT/target"
fi
"$ROOT/server-config/dev-keys.sh"
mkdir -p "$RUN_DIR" "$ROOT/data"

PIDS=()
stop_all() {
  trap - INT TERM EXIT
  echo
  echo "Stopping..."
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "Stopped."
}
trap stop_all INT TERM EXIT

# start NAME PORT WAR CONTEXT [option ...]: options before "--" go to the JVM, after it to Payara Micro. An instance
# runs --nocluster (Payara's default multicast discovery would leave loopback) unless its options join the gateway's
# data grid (data_grid_member). With MANAGEMENT_PORT set (MANAGEMENT_PORT=9180 start gateway ...), its health and
# metrics are on that port only (server-config/micro/preboot-management.asadmin), not on its public one.
start() {
  local name=$1 port=$2 war=$3 context=$4 jvm=() micro=() cluster=("${MICRO_STANDALONE[@]}")
  shift 4
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift && micro=("$@")
  [[ " ${micro[*]} " == *" --clusterMode "* ]] && cluster=()
  # A fresh root directory: Payara Micro would otherwise redeploy the previous build's WAR from it first.
  rm -rf "${RUN_DIR:?}/$name"
  local preboot=$MICRO_PREBOOT
  [ -z "${MANAGEMENT_PORT:-}" ] || preboot=$MICRO_PREBOOT_MANAGEMENT
  APIGATE_MANAGEMENT_PORT=${MANAGEMENT_PORT:-} java -Xmx"$HEAP" "${MICRO_JVM_OPTIONS[@]}" "${jvm[@]}" \
    -jar "$MICRO_JAR" --deploy "$war:$context" --port "$port" "${cluster[@]}" "${MICRO_OPTIONS[@]}" \
    --prebootcommandfile "$preboot" --rootDir "$RUN_DIR/$name" "${micro[@]}" >"$RUN_DIR/$name.log" 2>&1 &
  PIDS+=($!)
  echo "Starting $name on 127.0.0.1:$port (log: target/run/$name.log)"
}

# wait_ready NAME URL [STATUS]: polls until the WAR reports its deployment and URL answers STATUS (default 200;
# Payara prints "ready" even when a deployment failed, so neither alone is trusted); fails on a failed deployment
# or after BOOT_SECONDS (default 180; 300 with --cluster, which boots five instances at once).
wait_ready() {
  local name=$1 url=$2 expected=${3:-200} deadline=$((SECONDS + BOOT_SECONDS))
  until instance_ready "$RUN_DIR/$name.log" \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = "$expected" ]; do
    if [ $SECONDS -ge $deadline ] || instance_failed "$RUN_DIR/$name.log"; then
      echo "$name did not come up; last lines of target/run/$name.log:" >&2
      tail -n 40 "$RUN_DIR/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
}

# data_grid_member DATAGRID_PORT: the Payara Micro options of one member of the gateways' data grid, which never
# leaves loopback: TCP/IP discovery of exactly the two members on 127.0.0.1 (no multicast), Hazelcast listening on
# 127.0.0.1 only (as every instance here: see start), and without host-aware partitioning, which
# would keep no backup on a member of the same host: a killed member would take its rate-limit counters with it.
data_grid_member() {
  echo --clusterMode "tcpip:127.0.0.1:$DATAGRID_PORT_1,127.0.0.1:$DATAGRID_PORT_2" --interfaces 127.0.0.1 \
    --clusterName "${CLUSTER_NAME:-apigate}" --startPort "$1" --nohostaware
}

# Every WAR verifies the users' tokens with the development issuer's key (issuer and audience are the WARs'
# defaults); user and inventory also accept the order service's own credential, which it signs with the service key.
USER_KEY=-Dmp.jwt.verify.publickey.location="file://$ROOT/server-config/keys/dev-public.pem"
SERVICE_PUBLIC_KEY=-Dapigate.service-token.publickey.location="file://$ROOT/server-config/keys/service-public.pem"
SERVICE_PRIVATE_KEY=-Dapigate.service-token.private-key.location="file://$ROOT/server-config/keys/service-private.pem"
start user "$USER_PORT" "$ROOT/user-war/target/user.war" /user "$USER_KEY" "$SERVICE_PUBLIC_KEY"
start inventory "$INVENTORY_PORT" "$ROOT/inventory-war/target/inventory.war" /inventory \
  "$USER_KEY" "$SERVICE_PUBLIC_KEY"
start order "$ORDER_PORT" "$ROOT/order-war/target/order.war" /order "$USER_KEY" "$SERVICE_PRIVATE_KEY" \
  -Dorder.user.url="http://127.0.0.1:$USER_PORT/user" \
  -Dorder.inventory.url="http://127.0.0.1:$INVENTORY_PORT/inventory"
GATEWAY_JVM=("$USER_KEY"
  -Dgateway.service.user.urls="http://127.0.0.1:$USER_PORT/user"
  -Dgateway.service.order.urls="http://127.0.0.1:$ORDER_PORT/order"
  -Dgateway.service.inventory.urls="http://127.0.0.1:$INVENTORY_PORT/inventory")
GATEWAY_MICRO=(--postbootcommandfile "$ROOT/server-config/micro/gateway.asadmin")
if [ -z "$CLUSTER" ]; then
  MANAGEMENT_PORT=$GATEWAY_MANAGEMENT_PORT start gateway "$GATEWAY_PORT" "$ROOT/gateway-war/target/gateway.war" / \
    "${GATEWAY_JVM[@]}" -- "${GATEWAY_MICRO[@]}"
else
  # shellcheck disable=SC2046 # data_grid_member prints separate options
  MANAGEMENT_PORT=$GATEWAY_1_MANAGEMENT_PORT start gateway1 "$GATEWAY_1_PORT" "$ROOT/gateway-war/target/gateway.war" \
    / "${GATEWAY_JVM[@]}" -- "${GATEWAY_MICRO[@]}" $(data_grid_member "$DATAGRID_PORT_1")
  # shellcheck disable=SC2046
  MANAGEMENT_PORT=$GATEWAY_2_MANAGEMENT_PORT start gateway2 "$GATEWAY_2_PORT" "$ROOT/gateway-war/target/gateway.war" \
    / "${GATEWAY_JVM[@]}" -- "${GATEWAY_MICRO[@]}" $(data_grid_member "$DATAGRID_PORT_2")
  APIGATE_LB_PORT=$GATEWAY_PORT APIGATE_LB_STATS_PORT=$LB_STATS_PORT APIGATE_GATEWAY_1_PORT=$GATEWAY_1_PORT \
    APIGATE_GATEWAY_2_PORT=$GATEWAY_2_PORT APIGATE_GATEWAY_1_MANAGEMENT_PORT=$GATEWAY_1_MANAGEMENT_PORT \
    APIGATE_GATEWAY_2_MANAGEMENT_PORT=$GATEWAY_2_MANAGEMENT_PORT haproxy -f "$ROOT/server-config/lb/haproxy.cfg" -db \
    >"$RUN_DIR/haproxy.log" 2>&1 &
  PIDS+=($!)
  echo "Starting HAProxy on 127.0.0.1:$GATEWAY_PORT (log: target/run/haproxy.log)"
fi

wait_ready user "http://127.0.0.1:$USER_PORT/health/ready"
wait_ready inventory "http://127.0.0.1:$INVENTORY_PORT/health/ready"
wait_ready order "http://127.0.0.1:$ORDER_PORT/health/ready"
# 401 without a token: the gateway's authentication is installed, not just the WAR deployed.
if [ -z "$CLUSTER" ]; then
  wait_ready gateway "http://127.0.0.1:$GATEWAY_PORT/api/users" 401
else
  wait_ready gateway1 "http://127.0.0.1:$GATEWAY_1_PORT/api/users" 401
  wait_ready gateway2 "http://127.0.0.1:$GATEWAY_2_PORT/api/users" 401
  # both members see each other: Payara logs the data grid's size whenever its membership changes
  deadline=$((SECONDS + 60))
  until grep -q "DG Size: 2" "$RUN_DIR/gateway1.log" && grep -q "DG Size: 2" "$RUN_DIR/gateway2.log"; do
    [ $SECONDS -lt $deadline ] || { echo "The gateways did not form one data grid: see target/run/gateway*.log" >&2; exit 1; }
    sleep 1
  done
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$GATEWAY_PORT/api/users")" = 401 ]; do
    [ $SECONDS -lt $deadline ] || { echo "HAProxy does not answer: see target/run/haproxy.log" >&2; exit 1; }
    sleep 1
  done
fi

cat <<INFO

apigate is running (Ctrl-C stops everything):
  gateway    http://127.0.0.1:$GATEWAY_PORT/api/...     (public entry point; admin: /admin/routes)
             health and metrics: http://127.0.0.1:${CLUSTER:+$GATEWAY_1_MANAGEMENT_PORT}${CLUSTER:-$GATEWAY_MANAGEMENT_PORT}/health  /metrics  (management port)
${CLUSTER:+  cluster    HAProxy on :$GATEWAY_PORT -> gateway instances :$GATEWAY_1_PORT and :$GATEWAY_2_PORT (one data grid)
             HAProxy statistics http://127.0.0.1:$LB_STATS_PORT/stats
}  user       http://127.0.0.1:$USER_PORT/user/api/users
  order      http://127.0.0.1:$ORDER_PORT/order/api/orders
  inventory  http://127.0.0.1:$INVENTORY_PORT/inventory/api/items
  health, metrics, OpenAPI on every service instance: /health  /metrics  /openapi
Mint a token:  server-config/mint-token.sh <user-id> admin|customer
Data: ./data (embedded H2 files; delete the folder to start empty).  Logs: target/run/*.log
INFO
wait
