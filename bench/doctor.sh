#!/usr/bin/env bash
# doctor benchmark: 17 regions against the in-memory fakes, 100 ms per call. Prints wall time, calls and the ratio to its goal; optional first argument: ms per call; not for timing on a busy machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# The JVM options ./irctl runs with (C1 only, serial GC): the CLI's own work is measured as it ships.
# IRCTL_JAVA_OPTS overrides them, as for the launcher (IRCTL_JAVA_OPTS=" " for the JVM's defaults).
# shellcheck disable=SC2086
exec java ${IRCTL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.irctl.cli.DeliveryBench doctor "${1:-100}"
