package dev.irctl.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bench/emulator.sh}: {@code irctl apply} over the 17 default regions against moto, through
 * a proxy that adds 0 ms and then 100 ms per call, from an empty account (first run) and again
 * (re-run). Prints wall time (JVM start-up included), calls per region and the ratio of the 100 ms
 * run to the 0 ms run. Usage: {@code EmulatorBench MOTO_URL [DELAY_MS...]} (default 0 100).
 */
public final class EmulatorBench {
  private EmulatorBench() {}

  record Run(
      long delayMs,
      String name,
      double seconds,
      Map<String, Integer> callsPerRegion,
      long writes,
      int exit) {
    int calls() {
      return callsPerRegion.values().stream().mapToInt(Integer::intValue).sum();
    }

    String perRegion() {
      int min = callsPerRegion.values().stream().mapToInt(Integer::intValue).min().orElse(0);
      int max = callsPerRegion.values().stream().mapToInt(Integer::intValue).max().orElse(0);
      return min == max ? Integer.toString(min) : min + "-" + max;
    }
  }

  public static void main(String[] args) throws Exception {
    Emulator emulator = Emulator.at(URI.create(args[0]));
    List<Long> delays = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      delays.add(Long.parseLong(args[i]));
    }
    if (delays.isEmpty()) {
      delays = List.of(0L, 100L);
    }
    Irctl irctl = Irctl.fromBuild();
    // -Dirctl.bench.regions=N: the first N of the 17 (a quick check that the benchmark runs).
    List<String> regionList =
        Emulator.REGIONS.subList(
            0, Integer.getInteger("irctl.bench.regions", Emulator.REGIONS.size()));
    String regions = String.join(",", regionList);
    List<Run> runs = new ArrayList<>();
    System.out.printf(
        "irctl apply, %d regions, --exclude %s, default concurrency%n",
        regionList.size(), EmulatorTier.HONEY_BUCKET);
    System.out.printf(
        "%-8s %-7s %8s %6s %12s %6s %5s%n",
        "delay", "run", "wall s", "calls", "calls/region", "writes", "exit");
    for (long delay : delays) {
      emulator.reset();
      try (AwsProxy proxy = AwsProxy.delaying(emulator.endpoint(), Duration.ofMillis(delay))) {
        for (String name : List.of("first", "re-run")) {
          proxy.reset();
          long start = System.nanoTime();
          Irctl.Result result =
              irctl.run(
                  proxy.endpoint(),
                  "apply",
                  "--region",
                  regions,
                  "--exclude",
                  EmulatorTier.HONEY_BUCKET,
                  "--no-color");
          double seconds = (System.nanoTime() - start) / 1e9;
          Map<String, Integer> perRegion = new TreeMap<>();
          for (AwsProxy.Call call : proxy.calls()) {
            if (regionList.contains(call.region())) {
              perRegion.merge(call.region(), 1, Integer::sum);
            }
          }
          long writes = proxy.calls().stream().filter(AwsProxy.Call::write).count();
          Run run = new Run(delay, name, seconds, perRegion, writes, result.exitCode());
          runs.add(run);
          System.out.printf(
              "%-8s %-7s %8.1f %6d %12s %6d %5d%n",
              delay + " ms", name, seconds, run.calls(), run.perRegion(), run.writes(), run.exit());
          if (result.exitCode() != 0) {
            System.err.println(result);
          }
        }
      }
    }
    if (delays.size() >= 2) {
      for (String name : List.of("first", "re-run")) {
        Run base = find(runs, delays.get(0), name);
        Run slow = find(runs, delays.get(delays.size() - 1), name);
        System.out.printf(
            "ratio %s, %d ms / %d ms: %.2f%n",
            name, slow.delayMs(), base.delayMs(), slow.seconds() / base.seconds());
      }
    }
    emulator.close();
    System.exit(0);
  }

  private static Run find(List<Run> runs, long delay, String name) {
    return runs.stream()
        .filter(r -> r.delayMs() == delay && r.name().equals(name))
        .findFirst()
        .orElseThrow();
  }
}
