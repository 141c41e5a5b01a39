#!/usr/bin/env bash
# Installs the pinned OpenAPI tools (Spectral) from package-lock.json with the machine's npm, into this folder's
# node_modules; skipped when that lock file is installed already. Run by the system-tests build (exec-maven-plugin).
set -euo pipefail
cd "$(dirname "$0")"
if cmp -s package-lock.json node_modules/.installed-package-lock.json; then
  exit 0
fi
npm ci --ignore-scripts --no-audit --no-fund
cp package-lock.json node_modules/.installed-package-lock.json
