#!/usr/bin/env bash
# Prints the test classpath (compiling first), for running the benchmark mains under src/test/java/dev/irctl/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
# Offline (-o) first, as bench/emulator.sh: the local repository has every artifact after any build.
build=(-B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test)
./mvnw -o "${build[@]}" >&2 || {
  echo "bench: the offline build failed (see above); trying again with the network" >&2
  ./mvnw "${build[@]}" >&2
}
echo "target/test-classes:target/classes:$(cat target/test-classpath.txt)"
