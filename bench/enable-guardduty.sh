#!/usr/bin/env bash
# enable-guardduty over 17 regions against in-memory fakes with 100 ms per AWS call (issue 2's benchmark),
# then the process wall time and peak memory of `irctl --help`.
set -euo pipefail
cd "$(dirname "$0")/.."
cp=$(bench/classpath.sh)
# The JVM options ./irctl runs with (C1 only, serial GC), as bench/apply-rules.sh; IRCTL_JAVA_OPTS overrides them.
opts=${IRCTL_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}
# shellcheck disable=SC2086
java $opts -cp "$cp" dev.irctl.bench.EnableGuardDutyBenchmark "${1:-100}" "${2:-17}"
# shellcheck disable=SC2086
java $opts -cp "$cp" dev.irctl.bench.EnableGuardDutyBenchmark "${1:-100}" 8
./mvnw -B -q -DskipTests package >&2
./irctl --help >/dev/null # warm the page cache
for i in 1 2 3 4 5; do
  /usr/bin/time -f "irctl --help: wall=%es peak_rss=%MKiB" ./irctl --help >/dev/null
done
