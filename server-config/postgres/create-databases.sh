#!/usr/bin/env bash
# Creates (or, with --drop, removes) the PostgreSQL role and database of each service, idempotently:
#
#   service     role                 database
#   user        apigate_user         users
#   inventory   apigate_inventory    inventory
#   order       apigate_order        orders
#
# Each role owns only its database, and nobody else may connect to it: services share no tables.
#
#   server-config/postgres/create-databases.sh           create or update, write the passwords to the env file
#   server-config/postgres/create-databases.sh --drop    drop the databases and roles, delete the env file
#
# Environment (all optional):
#   USER_DATASOURCE_PASSWORD, INVENTORY_DATASOURCE_PASSWORD, ORDER_DATASOURCE_PASSWORD
#                        the passwords to set; unset ones are taken from the env file, or generated
#   APIGATE_DB_SUFFIX    appended to every role and database name, e.g. "_test1" for a throw-away set;
#                        lower-case letters, digits and "_" only
#   APIGATE_DB_ENV_FILE  where the passwords are written (mode 600), default server-config/keys/postgres.env
#                        (or postgres<suffix>.env); `set -a; . FILE; set +a` exports them as MicroProfile Config
#                        environment variables (USER_DATASOURCE_PASSWORD -> user.datasource.password)
#   PGHOST, PGPORT       which server psql talks to (default: the local socket, port 5432)
#
# As root it runs psql as the postgres operating-system user (peer authentication on the local socket, the Debian
# default); as another user it runs psql as that user, who must be allowed to create roles and databases.
set -euo pipefail
[ -z "${APIGATE_DB_ENV_FILE:-}" ] || APIGATE_DB_ENV_FILE=$(realpath -m "$APIGATE_DB_ENV_FILE")
cd "$(dirname "$0")/../.."

SERVICES=(user inventory order)
declare -A DATABASE=([user]=users [inventory]=inventory [order]=orders)

suffix=${APIGATE_DB_SUFFIX:-}
if [[ ! $suffix =~ ^[a-z0-9_]*$ ]]; then
  echo "APIGATE_DB_SUFFIX may hold only lower-case letters, digits and _: '$suffix'" >&2
  exit 2
fi
env_file=${APIGATE_DB_ENV_FILE:-server-config/keys/postgres$suffix.env}

psql_admin() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"
  fi
}

# A psql literal: single quotes doubled (the value reaches psql on standard input, never on a command line).
literal() {
  printf "'%s'" "${1//\'/\'\'}"
}

if [ "${1:-}" = "--drop" ]; then
  for svc in "${SERVICES[@]}"; do
    psql_admin <<SQL
\set role $(literal "apigate_$svc$suffix")
\set db $(literal "${DATABASE[$svc]}$suffix")
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
DROP ROLE IF EXISTS :"role";
SQL
    echo "dropped database ${DATABASE[$svc]}$suffix and role apigate_$svc$suffix"
  done
  rm -f "$env_file"
  exit 0
fi

# Passwords: the environment first, then the env file of an earlier run, else a new random one.
declare -A PASSWORD
for svc in "${SERVICES[@]}"; do
  var="${svc^^}_DATASOURCE_PASSWORD"
  value=${!var:-}
  if [ -z "$value" ] && [ -f "$env_file" ]; then
    value=$(sed -n "s/^$var=//p" "$env_file")
  fi
  if [ -z "$value" ]; then
    value=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  fi
  PASSWORD[$svc]=$value
done

for svc in "${SERVICES[@]}"; do
  psql_admin <<SQL
\set role $(literal "apigate_$svc$suffix")
\set db $(literal "${DATABASE[$svc]}$suffix")
\set password $(literal "${PASSWORD[$svc]}")
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'role', 'UTF8')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
REVOKE CONNECT, TEMPORARY ON DATABASE :"db" FROM PUBLIC;
SQL
  echo "database ${DATABASE[$svc]}$suffix ready, owned by apigate_$svc$suffix"
done

mkdir -p "$(dirname "$env_file")"
(
  umask 077
  {
    echo "# PostgreSQL passwords of the apigate services, written by server-config/postgres/create-databases.sh."
    echo "# Not committed. Each line is a MicroProfile Config environment variable (<svc>.datasource.password)."
    for svc in "${SERVICES[@]}"; do
      echo "${svc^^}_DATASOURCE_PASSWORD=${PASSWORD[$svc]}"
    done
  } >"$env_file"
)
echo "passwords in $env_file"
