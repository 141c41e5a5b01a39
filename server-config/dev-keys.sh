#!/usr/bin/env bash
# Generates the development issuer's RSA key pair for signing and verifying JWTs, once:
#   server-config/keys/dev-private.pem   PKCS#8 private key (mode 600; used by mint-token.sh only)
#   server-config/keys/dev-public.pem    X.509 public key (mp.jwt.verify.publickey.location of the gateway)
# Idempotent: existing keys are kept, so tokens minted earlier stay valid. Delete the folder to start over.
# The folder is git-ignored: development keys are never committed.
set -euo pipefail
KEYS="$(cd "$(dirname "$0")" && pwd)/keys"
PRIVATE="$KEYS/dev-private.pem"
PUBLIC="$KEYS/dev-public.pem"

if [ -s "$PRIVATE" ] && [ -s "$PUBLIC" ]; then
  exit 0
fi
if [ -e "$PRIVATE" ] || [ -e "$PUBLIC" ]; then
  echo "Only one half of the dev key pair exists in $KEYS: delete it and run $0 again." >&2
  exit 1
fi
mkdir -p "$KEYS"
( umask 077 && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$PRIVATE" 2>/dev/null )
openssl pkey -in "$PRIVATE" -pubout -out "$PUBLIC"
echo "Generated the development key pair in $KEYS"
