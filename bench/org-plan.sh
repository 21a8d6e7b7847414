#!/usr/bin/env bash
# org plan benchmark: 1,000 accounts x 17 regions on the in-memory fakes at 100 ms per call (goal <= 1.5 x critical path).
# Arguments: [accounts] [regions] [latencyMs] [--no-ou]. Figures go in docs/benchmarks.md, "2026-12-02, session 4".
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
exec java -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" dev.irctl.bench.OrgPlanBench "$@"
