#!/usr/bin/env bash
# Sets up a Payara Server 6 domain for apigate and deploys the four WARs into it. Idempotent: run it again after a
# rebuild, a password change or a new setting; it restarts the domain and redeploys.
#
#   PAYARA_HOME=/opt/payara6 server-config/payara-server/setup-domain.sh
#
# What it does, in order:
#  1. creates the domain if it does not exist, and stops it if it runs;
#  2. makes it safe before it starts (LoopbackDomain.java edits domain.xml): phone home off, the Hazelcast data
#     grid on 127.0.0.1 only, admin/IIOP/JMX on 127.0.0.1, HTTP on $APIGATE_HTTP_ADDRESS, JMS off, heap $HEAP;
#  3. starts it, sets mp.config.cache.duration=1000 (console and asadmin changes to MicroProfile Config apply within
#     a second; Payara's default is to cache for 60 s);
#  4. adds the PostgreSQL driver, and for each service a password alias, a JDBC connection pool, a JDBC resource
#     (jdbc/users, jdbc/inventory, jdbc/orders) and a ping of the pool; points the service at it with
#     <svc>.datasource.jndi (MicroProfile Config, domain level);
#  5. sets the MicroProfile Config of the gateway (discovery URLs, JWT key and issuer, rate limit) and of the
#     order service (where user and inventory are), all on this server;
#  6. deploys the WARs (user /user, inventory /inventory, order /order, gateway /) and waits until each serves.
#
# The databases must exist first: server-config/postgres/create-databases.sh (same APIGATE_DB_* variables).
#
# Environment:
#   PAYARA_HOME            required: the unzipped Payara Server (the folder holding bin/asadmin)
#   DOMAIN                 domain name (domain1)
#   APIGATE_HTTP_ADDRESS   address of the HTTP listeners (127.0.0.1; 0.0.0.0 for all interfaces)
#   HEAP                   maximum heap of the server (1g)
#   WAR_DIR                folder with user.war, inventory.war, order.war, gateway.war (default: each module's
#                          target folder, i.e. after `mvn install`)
#   POSTGRESQL_JAR         the PostgreSQL JDBC driver jar (default: fetched by Maven, the version of the root pom)
#   APIGATE_DB_HOST, APIGATE_DB_PORT   PostgreSQL server (127.0.0.1, 5432)
#   APIGATE_DB_SUFFIX, APIGATE_DB_ENV_FILE, USER_DATASOURCE_PASSWORD, INVENTORY_DATASOURCE_PASSWORD,
#   ORDER_DATASOURCE_PASSWORD   as for create-databases.sh: names and passwords (from its env file by default)
#   APIGATE_JWT_PUBLIC_KEY mp.jwt.verify.publickey.location: PEM or JWKS, file:// or http(s) URL
#                          (default file://<repo>/server-config/keys/dev-public.pem, from server-config/dev-keys.sh)
#   APIGATE_JWT_ISSUER     mp.jwt.verify.issuer (default: the WAR's own, the dev issuer)
#   GATEWAY_RATELIMIT_LIMIT, GATEWAY_RATELIMIT_WINDOW   gateway.ratelimit.limit/.window (default: the WAR's)
#   DEADLINE_SECONDS       give up after this long (900)
set -euo pipefail
: "${PAYARA_HOME:?set PAYARA_HOME to the Payara Server folder (the one holding bin/asadmin)}"
# Paths given relative to where the script was called from, before it moves to the repository root.
PAYARA_HOME=$(realpath -m "$PAYARA_HOME")
[ -z "${WAR_DIR:-}" ] || WAR_DIR=$(realpath -m "$WAR_DIR")
[ -z "${POSTGRESQL_JAR:-}" ] || POSTGRESQL_JAR=$(realpath -m "$POSTGRESQL_JAR")
[ -z "${APIGATE_DB_ENV_FILE:-}" ] || APIGATE_DB_ENV_FILE=$(realpath -m "$APIGATE_DB_ENV_FILE")
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
HERE="$ROOT/server-config/payara-server"

DOMAIN=${DOMAIN:-domain1}
HTTP_ADDRESS=${APIGATE_HTTP_ADDRESS:-127.0.0.1}
HEAP=${HEAP:-1g}
DB_HOST=${APIGATE_DB_HOST:-127.0.0.1}
DB_PORT=${APIGATE_DB_PORT:-5432}
DB_SUFFIX=${APIGATE_DB_SUFFIX:-}
DB_ENV_FILE=${APIGATE_DB_ENV_FILE:-server-config/keys/postgres$DB_SUFFIX.env}
JWT_PUBLIC_KEY=${APIGATE_JWT_PUBLIC_KEY:-file://$ROOT/server-config/keys/dev-public.pem}
DEADLINE=$((SECONDS + ${DEADLINE_SECONDS:-900}))
# How the gateway and the order service reach the services on this server's own HTTP listener.
HTTP="http://$([ "$HTTP_ADDRESS" = 0.0.0.0 ] && echo 127.0.0.1 || echo "$HTTP_ADDRESS"):8080"

ASADMIN="$PAYARA_HOME/bin/asadmin"
DOMAIN_XML="$PAYARA_HOME/glassfish/domains/$DOMAIN/config/domain.xml"
[ -x "$ASADMIN" ] || { echo "No $ASADMIN: PAYARA_HOME must be the unzipped Payara Server (payara6)" >&2; exit 2; }

SERVICES=(user inventory order)
declare -A DATABASE=([user]=users [inventory]=inventory [order]=orders)
declare -A CONTEXT=([user]=/user [inventory]=/inventory [order]=/order [gateway]=/)
# A URL of each WAR that answers 200 (or, for the gateway, 401: it is up and asks for a token).
declare -A READY=([user]="/user/api/users?limit=1 200" [inventory]="/inventory/api/items?limit=1 200"
                  [order]="/order/api/orders?limit=1 200" [gateway]="/api/users 401")

step() { printf '[%4ds] %s\n' "$SECONDS" "$*"; }
asadmin() { "$ASADMIN" --interactive=false "$@"; }
remaining() { local left=$((DEADLINE - SECONDS)); [ $left -gt 0 ] || { echo "deadline passed" >&2; exit 1; }; echo $left; }

# Runs the asadmin commands in file $1 in one asadmin process (one JVM start instead of one per command) and fails
# if any of them failed: multimode itself carries on after a failed command and exits 0.
batch() {
  local out
  out=$(timeout "$(remaining)" "$ASADMIN" --interactive=false multimode --file "$1" 2>&1 | grep -v '^Unable to retrieve infocmp')
  if grep -q '^Command .* failed\.' <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  printf '%s\n' "$out"
}

war_of() {
  if [ -n "${WAR_DIR:-}" ]; then echo "$WAR_DIR/$1.war"; else echo "$ROOT/$1-war/target/$1.war"; fi
}
for app in "${SERVICES[@]}" gateway; do
  [ -f "$(war_of "$app")" ] || { echo "Missing $(war_of "$app"): build first (mvn -DskipTests install) or set WAR_DIR" >&2; exit 2; }
done

password_of() {
  local var="${1^^}_DATASOURCE_PASSWORD" value
  value=${!var:-}
  if [ -z "$value" ] && [ -f "$DB_ENV_FILE" ]; then value=$(sed -n "s/^$var=//p" "$DB_ENV_FILE"); fi
  [ -n "$value" ] || { echo "No password for $1: run server-config/postgres/create-databases.sh or set $var" >&2; exit 2; }
  printf '%s' "$value"
}
for svc in "${SERVICES[@]}"; do
  password_of "$svc" >/dev/null
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
chmod 700 "$work"

# --- 1-2: the domain exists, is stopped and safe -----------------------------------------------------------------
if [ ! -f "$DOMAIN_XML" ]; then
  step "creating domain $DOMAIN"
  asadmin create-domain --nopassword=true "$DOMAIN"
fi
if asadmin list-domains | grep -qE "^$DOMAIN running"; then
  step "stopping domain $DOMAIN"
  asadmin stop-domain "$DOMAIN"
fi
step "making $DOMAIN loopback-only (phone home off, Hazelcast on 127.0.0.1, HTTP on $HTTP_ADDRESS, heap $HEAP)"
java "$HERE/LoopbackDomain.java" "$DOMAIN_XML" "$HTTP_ADDRESS" "$HEAP"

# --- 3: start ---------------------------------------------------------------------------------------------------
step "starting $DOMAIN"
timeout "$(remaining)" "$ASADMIN" --interactive=false start-domain --timeout "$(remaining)" "$DOMAIN"
step "domain $DOMAIN is up (admin console http://127.0.0.1:4848/)"

# --- 4-5: one batch of commands: what exists already decides create or update ---------------------------------------
step "configuring: PostgreSQL pools (each pinged), MicroProfile Config (domain level)"
existing=$(printf '%s\n' list-libraries list-password-aliases list-jdbc-connection-pools list-jdbc-resources >"$work/query"
           batch "$work/query")
has() { grep -qx -- "$1" <<<"$existing"; }
commands="$work/configure"
: >"$commands"
cmd() { printf '%s\n' "$*" >>"$commands"; }
config() { cmd set-config-property --source=domain "--propertyName=$1" "--propertyValue=$2"; echo "  $1=$2"; }

# Payara caches MicroProfile Config values for 1 s (its default is 60 s): console and asadmin changes apply within a
# second. Not 0: with 0 every lookup walks all config sources, a third of the gateway's CPU per request.
config mp.config.cache.duration 1000

if ! grep -q '^postgresql-.*\.jar$' <<<"$existing"; then
  if [ -z "${POSTGRESQL_JAR:-}" ]; then
    version=$(sed -n 's:.*<postgresql.version>\(.*\)</postgresql.version>.*:\1:p' "$ROOT/pom.xml")
    mvn -B -q dependency:copy -Dartifact="org.postgresql:postgresql:$version" -DoutputDirectory="$ROOT/target/payara-server"
    POSTGRESQL_JAR="$ROOT/target/payara-server/postgresql-$version.jar"
  fi
  echo "  PostgreSQL driver $(basename "$POSTGRESQL_JAR") added to the server"
  cmd add-library "$POSTGRESQL_JAR"
fi

for svc in "${SERVICES[@]}"; do
  db="${DATABASE[$svc]}$DB_SUFFIX"
  role="apigate_$svc$DB_SUFFIX"
  pool="apigate-$svc-pool"
  alias="apigate-$svc-db"
  resource="jdbc/${DATABASE[$svc]}"
  echo "  $svc: pool $pool -> postgresql://$DB_HOST:$DB_PORT/$db as $role (password alias $alias), resource $resource"

  # The password lives in the domain's password alias store, never in domain.xml.
  printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$(password_of "$svc")" >"$work/$alias"
  if has "$alias"; then
    cmd update-password-alias --passwordfile "$work/$alias" "$alias"
  else
    cmd create-password-alias --passwordfile "$work/$alias" "$alias"
  fi
  if has "$pool"; then
    for property in serverName="$DB_HOST" portNumber="$DB_PORT" databaseName="$db" user="$role"; do
      cmd set "resources.jdbc-connection-pool.$pool.property.$property"
    done
  else
    # Validated connections (a restarted database leaves no dead ones in the pool); sizes as the WARs' own.
    cmd create-jdbc-connection-pool --datasourceclassname org.postgresql.ds.PGSimpleDataSource \
      --restype javax.sql.DataSource --steadypoolsize 2 --maxpoolsize 32 \
      --isconnectvalidatereq=true --validationmethod custom-validation \
      --validationclassname org.glassfish.api.jdbc.validation.PostgresConnectionValidation \
      --property "serverName=$DB_HOST:portNumber=$DB_PORT:databaseName=$db:user=$role:password=\${ALIAS=$alias}" \
      "$pool"
  fi
  has "$resource" || cmd create-jdbc-resource --connectionpoolid "$pool" "$resource"
  cmd ping-connection-pool "$pool"
  # The WAR looks its data source up under this name (default: the embedded one it defines itself).
  config "$svc.datasource.jndi" "$resource"
done

# Everything runs on this server: the gateway and the order service find the services on its HTTP listener.
config order.user.url "$HTTP/user"
config order.inventory.url "$HTTP/inventory"
for svc in "${SERVICES[@]}"; do
  config "gateway.service.$svc.urls" "$HTTP${CONTEXT[$svc]}"
done
# The services' database checks are part of this server's own /health/ready: probing it from the gateway would ask
# the gateway's readiness from inside itself. Passive health still takes failing instances out of rotation.
config gateway.health.probe-path none
config mp.jwt.verify.publickey.location "$JWT_PUBLIC_KEY"
[ -z "${APIGATE_JWT_ISSUER:-}" ] || config mp.jwt.verify.issuer "$APIGATE_JWT_ISSUER"
[ -z "${GATEWAY_RATELIMIT_LIMIT:-}" ] || config gateway.ratelimit.limit "$GATEWAY_RATELIMIT_LIMIT"
[ -z "${GATEWAY_RATELIMIT_WINDOW:-}" ] || config gateway.ratelimit.window "$GATEWAY_RATELIMIT_WINDOW"
batch "$commands" >/dev/null
rm -f "$work"/apigate-*-db

# --- 6: deploy and wait until each WAR serves ----------------------------------------------------------------------
: >"$work/deploy"
for app in "${SERVICES[@]}" gateway; do
  printf 'deploy --force=true --name %s --contextroot %s %s\n' "$app" "${CONTEXT[$app]}" "$(war_of "$app")" >>"$work/deploy"
done
step "deploying user /user, inventory /inventory, order /order, gateway /"
batch "$work/deploy" >/dev/null
for app in "${SERVICES[@]}" gateway; do
  read -r path expected <<<"${READY[$app]}"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$HTTP$path")" = "$expected" ]; do
    remaining >/dev/null
    sleep 1
  done
  step "$app serves $HTTP$path"
done

cat <<INFO
apigate is deployed on Payara Server domain $DOMAIN:
  gateway         $HTTP/api/...
  services        $HTTP/user/api/users  $HTTP/order/api/orders  $HTTP/inventory/api/items
  admin console   http://127.0.0.1:4848/   (Applications; Resources > JDBC; MicroProfile Config changes made with
                                            asadmin set-config-property apply on the next request)
  stop            $ASADMIN stop-domain $DOMAIN
INFO
