#!/usr/bin/env bash
# Benchmarks the offline rule commands, end to end (process wall time, JVM start-up included):
#   - irctl rules test over the whole bundled catalog (target: under 1 s);
#   - irctl rules match over N CloudTrail records in JSON lines (target: at least 150,000 events/s on 2 cores
#     through the launcher, issue 13).
# The bundled catalog may still be small, so a synthetic catalog shaped like the planned one (bench/RulesMatchData.java)
# is added to the bundled rules in a copy of the jar: the same code path as a real release.
# Usage: bench/rules-match.sh   (env: N=100000 RUNS=5 CPUS=0,1)
set -euo pipefail
cd "$(dirname "$0")/.."

N=${N:-100000}
RUNS=${RUNS:-5}
CPUS=${CPUS:-0,1}
OUT=bench/out

[[ -f target/irctl.jar ]] || ./mvnw -B -q package -DskipTests
java bench/RulesMatchData.java "$OUT" "$N"

# Bundle: the jar's own rules plus the synthetic ones, with a merged index, as the build would write it.
rm -rf "$OUT/jar" && mkdir -p "$OUT/jar/irctl-rules"
cp "$OUT"/catalog/*.json "$OUT/jar/irctl-rules/"
{ unzip -p target/irctl.jar irctl-rules/index.txt || true; echo; (cd "$OUT/catalog" && ls -- *.json); } \
  | grep -v '^$' > "$OUT/jar/irctl-rules/index.txt"
# The build's schema check of the bundle, over the merged one (the staging directory first on the class path), so
# that runs skip the check as they do for a release's own bundle.
java -cp "$OUT/jar:target/irctl.jar" dev.irctl.catalog.BundleCheck "$OUT/jar/irctl-rules"
cp target/irctl.jar "$OUT/irctl-bench.jar"
(cd "$OUT/jar" && jar uf ../irctl-bench.jar irctl-rules/)

PIN=()
if command -v taskset >/dev/null && [[ $(nproc) -gt 2 ]]; then PIN=(taskset -c "$CPUS"); fi

# Runs a command RUNS times; prints "best median" wall seconds.
measure() {
  local times=()
  for _ in $(seq "$RUNS"); do
    local start end
    start=$(date +%s.%N)
    "${PIN[@]}" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc)")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f %.2f\n", a[1], a[int((NR+1)/2)]}'
}

rules=$(java -jar "$OUT/irctl-bench.jar" rules list 2>/dev/null | tail -n +2 | wc -l)
records=$(wc -l < "$OUT/records.jsonl")
size=$(du -m "$OUT/records.jsonl" | cut -f1)
echo "machine: $(nproc) cpus (pinned: ${PIN[*]:-no}), $(java -version 2>&1 | head -1), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "catalog: $rules rules bundled; input: $records CloudTrail records, ${size} MB JSON lines; $RUNS runs each"

read -r best median < <(measure java -jar "$OUT/irctl-bench.jar" rules test)
echo "rules test (bundled catalog):      best ${best} s, median ${median} s"

read -r best median < <(measure java -jar "$OUT/irctl-bench.jar" rules match "$OUT/records.jsonl")
echo "rules match (bundled catalog):     best ${best} s ($(echo "$records / $best" | bc) events/s), median ${median} s ($(echo "$records / $median" | bc) events/s)"

read -r best median < <(measure java -jar target/irctl.jar rules match "$OUT/records.jsonl" --catalog "$OUT/catalog")
echo "rules match (--catalog DIR):       best ${best} s ($(echo "$records / $best" | bc) events/s), median ${median} s ($(echo "$records / $median" | bc) events/s)"

read -r best median < <(measure env IRCTL_JAR="$OUT/irctl-bench.jar" ./irctl rules test)
echo "./irctl rules test (JVM flags):    best ${best} s, median ${median} s"

read -r best median < <(measure env IRCTL_JAR="$OUT/irctl-bench.jar" ./irctl rules match "$OUT/records.jsonl")
echo "./irctl rules match (JVM flags):   best ${best} s ($(echo "$records / $best" | bc) events/s), median ${median} s ($(echo "$records / $median" | bc) events/s)"
