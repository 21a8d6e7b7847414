#!/usr/bin/env bash
# Emulator benchmark: `irctl apply` over the 17 default regions against moto (python3 -m moto.server), through a
# loopback proxy adding 0 ms and then 100 ms per call; each from an empty account (first run) and again (re-run).
# Prints wall time (JVM start-up included), calls per region and the 100 ms / 0 ms ratio; figures go in
# docs/benchmarks.md, section "Against the emulator". Run it on a quiet machine.
# Usage: bench/emulator.sh [DELAY_MS...] (default: 0 100). IRCTL_BENCH_REGIONS=N uses the first N of the 17 (a quick
# check that it runs). IRCTL_EMULATOR_PORTS (default 45000-45099): the
# loopback ports moto and the proxy may use.
set -euo pipefail
cd "$(dirname "$0")/.."
# Offline (-o) first: after any build the local repository has every artifact, and a benchmark should not wait on
# (or need) Maven Central; only when that fails is the network tried.
build=(-B -q -DskipTests package dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt)
./mvnw -o "${build[@]}" >/dev/null || {
  echo "bench: the offline build failed (see above); trying again with the network" >&2
  ./mvnw "${build[@]}" >/dev/null
}
# shellcheck source=../.ci/moto.sh
. .ci/moto.sh
trap stop_moto EXIT
ports=${IRCTL_EMULATOR_PORTS:-45000-45099}
start_moto "$ports"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  -Dirctl.jar=target/irctl.jar -Dirctl.bench.regions="${IRCTL_BENCH_REGIONS:-17}" -Dirctl.emulator.ports="$((moto_port + 1))-${ports#*-}" \
  dev.irctl.emulator.EmulatorBench "$moto_endpoint" "$@"
