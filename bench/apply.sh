#!/usr/bin/env bash
# apply benchmark: irctl apply (GuardDuty, rules and topics, IAM policy) against each part run alone, 17 regions,
# in-memory fakes, 100 ms per call. Figures go in docs/benchmarks.md, section "apply: all parts in one run".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
# The JVM options ./irctl runs with (C1 only, serial GC), as bench/apply-rules.sh; IRCTL_JAVA_OPTS overrides them.
# shellcheck disable=SC2086
exec java ${IRCTL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC} -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.irctl.bench.ApplyBench
