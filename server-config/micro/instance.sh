# Sourced by run.sh and bench/run.sh: how a Payara Micro instance of apigate starts, from instance.properties (the
# description the tests read too). Needs ROOT, the repository's directory.

# instance_setting KEY: the value of KEY in instance.properties.
instance_setting() {
  sed -n "s/^$1=//p" "$ROOT/server-config/micro/instance.properties"
}

# Every instance's JVM and Payara Micro options; an instance outside a data grid adds MICRO_STANDALONE.
read -ra MICRO_JVM_OPTIONS <<<"$(instance_setting jvm.options)"
read -ra MICRO_OPTIONS <<<"$(instance_setting micro.options)"
read -ra MICRO_STANDALONE <<<"$(instance_setting standalone.options)"
MICRO_PREBOOT="$ROOT/$(instance_setting preboot)"
MICRO_PREBOOT_MANAGEMENT="$ROOT/$(instance_setting preboot.management)"

# instance_ready LOG: the instance logged that it deployed every WAR.
instance_ready() {
  grep -qF -- "$(instance_setting ready.log)" "$1" 2>/dev/null
}

# instance_failed LOG: a deployment failed.
instance_failed() {
  grep -qE -- "$(instance_setting failed.log)" "$1" 2>/dev/null
}
