#!/usr/bin/env bash
# Builds all WARs and starts the whole system on this machine, one Payara Micro instance per WAR, on embedded
# databases (H2 files under ./data, kept across runs). Ctrl-C stops everything.
#
#   ./run.sh                 build, then start gateway :8080, user :8081, order :8082, inventory :8083
#   SKIP_BUILD=1 ./run.sh    start without rebuilding
#   GATEWAY_PORT=9080 USER_PORT=9081 ORDER_PORT=9082 INVENTORY_PORT=9083 ./run.sh   other ports
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

GATEWAY_PORT=${GATEWAY_PORT:-8080}
USER_PORT=${USER_PORT:-8081}
ORDER_PORT=${ORDER_PORT:-8082}
INVENTORY_PORT=${INVENTORY_PORT:-8083}
HEAP=${HEAP:-384m}
PAYARA_VERSION=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
MICRO_JAR="$ROOT/target/payara-micro-$PAYARA_VERSION.jar"
RUN_DIR="$ROOT/target/run"

for port in "$GATEWAY_PORT" "$USER_PORT" "$ORDER_PORT" "$INVENTORY_PORT"; do
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

# start NAME PORT WAR CONTEXT [option ...]: options before "--" go to the JVM, after it to Payara Micro.
start() {
  local name=$1 port=$2 war=$3 context=$4 jvm=() micro=()
  shift 4
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift && micro=("$@")
  # A fresh root directory: Payara Micro would otherwise redeploy the previous build's WAR from it first.
  rm -rf "${RUN_DIR:?}/$name"
  java -Xmx"$HEAP" "${jvm[@]}" -jar "$MICRO_JAR" \
    --deploy "$war:$context" --port "$port" --nocluster --disablephonehome \
    --prebootcommandfile "$ROOT/server-config/micro/preboot-loopback.asadmin" \
    --rootDir "$RUN_DIR/$name" "${micro[@]}" >"$RUN_DIR/$name.log" 2>&1 &
  PIDS+=($!)
  echo "Starting $name on 127.0.0.1:$port (log: target/run/$name.log)"
}

# wait_ready NAME URL [STATUS]: polls until the WAR reports its deployment and URL answers STATUS (default 200;
# Payara prints "ready" even when a deployment failed, so neither alone is trusted); fails on a failed deployment
# or after 180 s.
wait_ready() {
  local name=$1 url=$2 expected=${3:-200} deadline=$((SECONDS + 180))
  until grep -q "successfully deployed" "$RUN_DIR/$name.log" 2>/dev/null \
      && [ "$(curl -s -o /dev/null -w '%{http_code}' "$url" 2>/dev/null)" = "$expected" ]; do
    if [ $SECONDS -ge $deadline ] || grep -qE "Exception while loading the app|Error occurred during deployment" "$RUN_DIR/$name.log" 2>/dev/null; then
      echo "$name did not come up; last lines of target/run/$name.log:" >&2
      tail -n 40 "$RUN_DIR/$name.log" >&2
      exit 1
    fi
    sleep 1
  done
}

start user "$USER_PORT" "$ROOT/user-war/target/user.war" /user
start inventory "$INVENTORY_PORT" "$ROOT/inventory-war/target/inventory.war" /inventory
start order "$ORDER_PORT" "$ROOT/order-war/target/order.war" /order \
  -Dorder.user.url="http://127.0.0.1:$USER_PORT/user" \
  -Dorder.inventory.url="http://127.0.0.1:$INVENTORY_PORT/inventory"
start gateway "$GATEWAY_PORT" "$ROOT/gateway-war/target/gateway.war" / \
  -Dmp.jwt.verify.publickey.location="file://$ROOT/server-config/keys/dev-public.pem" \
  -Dgateway.service.user.urls="http://127.0.0.1:$USER_PORT/user" \
  -Dgateway.service.order.urls="http://127.0.0.1:$ORDER_PORT/order" \
  -Dgateway.service.inventory.urls="http://127.0.0.1:$INVENTORY_PORT/inventory" \
  -- --postbootcommandfile "$ROOT/server-config/micro/gateway.asadmin"

wait_ready user "http://127.0.0.1:$USER_PORT/health/ready"
wait_ready inventory "http://127.0.0.1:$INVENTORY_PORT/health/ready"
wait_ready order "http://127.0.0.1:$ORDER_PORT/health/ready"
# 401 without a token: the gateway's authentication is installed, not just the WAR deployed.
wait_ready gateway "http://127.0.0.1:$GATEWAY_PORT/api/users" 401

cat <<INFO

apigate is running (Ctrl-C stops everything):
  gateway    http://127.0.0.1:$GATEWAY_PORT/api/...     (public entry point; admin: /admin/routes)
  user       http://127.0.0.1:$USER_PORT/user/api/users
  order      http://127.0.0.1:$ORDER_PORT/order/api/orders
  inventory  http://127.0.0.1:$INVENTORY_PORT/inventory/api/items
  health, metrics, OpenAPI on every instance: /health  /metrics  /openapi
Mint a token:  server-config/mint-token.sh <user-id> admin|customer
Data: ./data (embedded H2 files; delete the folder to start empty).  Logs: target/run/*.log
INFO
wait
