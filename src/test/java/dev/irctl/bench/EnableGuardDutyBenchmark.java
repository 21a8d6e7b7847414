package dev.irctl.bench;

import dev.irctl.cli.CliRun;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;

/**
 * enable-guardduty over the 17 default regions against the fakes with a fixed latency on every AWS
 * call, run through the real CLI. Prints the wall time next to the critical-path bound: the longest
 * chain of dependent calls (DescribeRegions alongside sts:GetCallerIdentity, then ListDetectors,
 * then CreateDetector on a fresh account; GetDetector on a re-run) times the latency: 3 calls. From
 * session 2 to 4 identity ran first, alone, and the chain was 4. Not a test: run it with
 * bench/enable-guardduty.sh.
 */
public final class EnableGuardDutyBenchmark {
  private EnableGuardDutyBenchmark() {}

  public static void main(String[] args) {
    long latency = args.length > 0 ? Long.parseLong(args[0]) : 100;
    int concurrency = args.length > 1 ? Integer.parseInt(args[1]) : 17;
    int regions = FakeRegionDirectory.DEFAULT_REGIONS.size();
    // Warm the JIT and class loading so the figure is about the engine, not JVM start-up.
    run(new FakePorts(), 0, concurrency);

    FakePorts account = new FakePorts();
    report("first run (create)", account, latency, concurrency, regions, 3);
    report("second run (no change)", account, latency, concurrency, regions, 3);
  }

  private static void report(
      String label, FakePorts account, long latency, int concurrency, int regions, int chain) {
    account.log().clear();
    long millis = run(account, latency, concurrency);
    long bound = chain * latency;
    System.out.printf(
        "%-24s regions=%d concurrency=%d latency=%dms calls=%d writes=%d wall=%dms bound=%dms ratio=%.2f%n",
        label,
        regions,
        concurrency,
        latency,
        account.log().calls().size(),
        account.log().writes().size(),
        millis,
        bound,
        (double) millis / bound);
  }

  private static long run(FakePorts account, long latency, int concurrency) {
    account.log().latency(latency);
    long start = System.nanoTime();
    CliRun run =
        CliRun.run(
            account,
            "enable-guardduty",
            "--auto-approve",
            "--all-regions",
            "--concurrency",
            String.valueOf(concurrency));
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (run.exitCode() != 0) {
      throw new IllegalStateException("benchmark run failed: " + run.err());
    }
    return millis;
  }
}
