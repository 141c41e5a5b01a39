#!/usr/bin/env bash
# Prints a signed development JWT (RS256) for calling the gateway:
#
#   server-config/mint-token.sh <subject> <groups,comma,separated> [ttl-seconds]
#   server-config/mint-token.sh 42 customer            # a customer whose user id is 42, valid one hour
#   server-config/mint-token.sh ops admin 600          # an admin, valid ten minutes
#   curl -H "Authorization: Bearer $(server-config/mint-token.sh 42 customer)" http://127.0.0.1:8080/api/users/42
#
# Claims: iss and aud as the gateway expects them (mp.jwt.verify.issuer / mp.jwt.verify.audiences of
# gateway-war/src/main/resources/META-INF/microprofile-config.properties, overridable with ISSUER= and AUDIENCE=),
# sub and upn = <subject>, groups, iat, exp = iat + ttl (default 3600), a random jti.
# Signed with server-config/keys/dev-private.pem (created by dev-keys.sh if missing) by a single-file Java program
# that uses only the JDK (java.security), so nothing beyond a JDK 17 is needed.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
CONFIG="$HERE/../gateway-war/src/main/resources/META-INF/microprofile-config.properties"

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
  sed -n '2,8s/^# \{0,1\}//p' "$0" >&2
  exit 2
fi
"$HERE/dev-keys.sh" >&2
ISSUER=${ISSUER:-$(sed -n 's/^mp\.jwt\.verify\.issuer=//p' "$CONFIG")}
AUDIENCE=${AUDIENCE:-$(sed -n 's/^mp\.jwt\.verify\.audiences=//p' "$CONFIG")}
exec java "$HERE/MintToken.java" "$HERE/keys/dev-private.pem" "$ISSUER" "$AUDIENCE" "$1" "$2" "${3:-3600}"
