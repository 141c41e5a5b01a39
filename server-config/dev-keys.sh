#!/usr/bin/env bash
# Generates the development key pairs, once:
#   server-config/keys/dev-private.pem       the development issuer's PKCS#8 private key (mode 600; mint-token.sh)
#   server-config/keys/dev-public.pem        its X.509 public key (mp.jwt.verify.publickey.location of every WAR)
#   server-config/keys/service-private.pem   the service credential's private key (mode 600): the order service
#                                            signs its calls to user and inventory with it
#                                            (apigate.service-token.private-key.location)
#   server-config/keys/service-public.pem    its public key, trusted by user and inventory
#                                            (apigate.service-token.publickey.location)
# Idempotent: existing pairs are kept, so tokens minted earlier stay valid. Delete the folder to start over.
# The folder is git-ignored: development keys are never committed.
set -euo pipefail
KEYS="$(cd "$(dirname "$0")" && pwd)/keys"

# pair NAME: generates keys/NAME-private.pem and keys/NAME-public.pem unless both exist.
pair() {
  local private="$KEYS/$1-private.pem" public="$KEYS/$1-public.pem"
  if [ -s "$private" ] && [ -s "$public" ]; then
    return 0
  fi
  if [ -e "$private" ] || [ -e "$public" ]; then
    echo "Only one half of the $1 key pair exists in $KEYS: delete it and run $0 again." >&2
    exit 1
  fi
  mkdir -p "$KEYS"
  ( umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$private" 2>/dev/null )
  openssl pkey -in "$private" -pubout -out "$public"
  echo "Generated the $1 key pair in $KEYS"
}

pair dev
pair service
