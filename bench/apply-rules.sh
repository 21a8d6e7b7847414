#!/usr/bin/env bash
# apply-rules benchmark: 17 regions x the bundled catalog against the in-memory fakes, 100 ms per call.
# Prints wall time, the critical-path bound (see ApplyRulesBench's javadoc) and their ratio; figures go in
# docs/benchmarks.md, section "apply-rules".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.irctl.bench.ApplyRulesBench
