#!/usr/bin/env bash
# Prints the test classpath (compiling first), for running the benchmark mains under src/test/java/dev/irctl/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >&2
echo "target/test-classes:target/classes:$(cat target/test-classpath.txt)"
