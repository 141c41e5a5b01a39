#!/usr/bin/env bash
# Where a JFR recording's CPU samples are: the hottest methods on top of the stack (self) and the methods most often
# anywhere on it (inclusive, each counted once per sample), restricted to frames matching a pattern.
#
#   bench/jfr-top.sh <recording.jfr> [pattern] [rows]
#   bench/jfr-top.sh bench/results/<run>/work/gateway.jfr 'org\.apigate|fish\.payara|config' 40
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,7s/^# \{0,1\}//p' "$0" >&2; exit 2; }
RECORDING=$1
PATTERN=${2:-org\.apigate|fish\.payara|org\.glassfish|org\.jboss\.weld|com\.hazelcast|sun\.security|jdk\.internal\.net\.http|jakarta\.}
ROWS=${3:-30}
jfr print --events jdk.ExecutionSample --stack-depth 200 "$RECORDING" | awk -v pattern="$PATTERN" -v rows="$ROWS" '
  /^jdk.ExecutionSample/ { samples++; first = 1; delete seen; next }
  /^[ \t]+[A-Za-z_$][A-Za-z0-9_$.]*\(.*\)( line: [0-9]+)?/ {
    frame = $1; sub(/\(.*/, "", frame)
    if (first) { self[frame]++; first = 0 }
    if (frame ~ pattern && !(frame in seen)) { seen[frame] = 1; incl[frame]++ }
  }
  END {
    printf "%d samples\n\nself (top of stack):\n", samples
    for (f in self) printf "%6.1f%%  %s\n", 100 * self[f] / samples, f | "sort -rn | head -n " rows
    close("sort -rn | head -n " rows)
    printf "\ninclusive (frames matching %s):\n", pattern
    for (f in incl) printf "%6.1f%%  %s\n", 100 * incl[f] / samples, f | "sort -rn | head -n " rows
  }'
