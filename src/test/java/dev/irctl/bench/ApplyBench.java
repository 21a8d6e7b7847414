package dev.irctl.bench;

import dev.irctl.cli.CliRun;
import dev.irctl.engine.port.Principal;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.fakes.FakePorts;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code irctl apply} (GuardDuty, rules and topics, the IAM policy) against each of its parts run
 * alone (enable-guardduty, apply-rules, install-policy), over 17 regions on the fakes with 100 ms
 * per call (bench/apply.sh runs it; not a unit test). Issue 9's goal: the combined run costs at
 * most 1.2 x the slowest part alone, because all parts of a region share one region task instead of
 * doubling the regions in flight. Both the first run (everything created) and the second (nothing
 * to do) are compared.
 */
public final class ApplyBench {
  static final long LATENCY_MS = 100;
  static final List<String> COMMON =
      List.of("--auto-approve", "--all-regions", "--concurrency", "17", "--no-color");
  static final List<String> GLOBAL = List.of("--auto-approve", "--no-color");
  static final List<String> PRINCIPAL = List.of("--role", "responders");
  static final List<String> RULES =
      List.of("--set", "bucketNames=corp-backups-honey", "--subscribe", "email:soc@example.com");

  private ApplyBench() {}

  public static void main(String[] args) {
    long[] guardDuty = firstAndSecond("enable-guardduty", COMMON, List.of());
    long[] rules = firstAndSecond("apply-rules", COMMON, RULES);
    // IAM is global: install-policy takes no region flags.
    long[] policy = firstAndSecond("install-policy", GLOBAL, PRINCIPAL);
    List<String> all = new ArrayList<>(RULES);
    all.addAll(PRINCIPAL);
    long[] apply = firstAndSecond("apply", COMMON, all);
    String[] runs = {"first", "second"};
    for (int i = 0; i < 2; i++) {
      long slowest = Math.max(Math.max(guardDuty[i], rules[i]), policy[i]);
      System.out.printf(
          "apply (all three parts) %s run %d ms; slowest part alone %d ms; ratio %.2f (goal <= 1.20)%n",
          runs[i], apply[i], slowest, apply[i] / (double) slowest);
    }
    System.out.printf("fingerprints computed in the measured runs: %d%n", fingerprints);
  }

  /** Fingerprints of actual state computed by the measured runs (none: no plan is saved). */
  private static long fingerprints;

  /**
   * Prints the first (create) and second (no-op) run of one command, with where their time went;
   * returns both walls.
   */
  private static long[] firstAndSecond(String command, List<String> common, List<String> extra) {
    List<String> argv = new ArrayList<>();
    argv.add(command);
    argv.addAll(common);
    argv.addAll(extra);
    String[] args = argv.toArray(String[]::new);
    CliRun.run(fresh(), args); // warm-up without latency: class loading is CPU, not calls
    FakePorts aws = fresh();
    aws.log().latency(LATENCY_MS);
    long before = Fingerprint.computed();
    long first = timed(aws, args);
    int firstWrites = aws.log().writes().size();
    String firstTimeline = timeline;
    aws.log().clear();
    long second = timed(aws, args);
    fingerprints += Fingerprint.computed() - before;
    System.out.printf(
        "%-17s first run %5d ms (%d writes), second run %5d ms (%d writes)%n",
        command, first, firstWrites, second, aws.log().writes().size());
    System.out.println("  first:  " + firstTimeline);
    System.out.println("  second: " + timeline);
    return new long[] {first, second};
  }

  private static FakePorts fresh() {
    FakePorts aws = new FakePorts();
    aws.iamFake().existingPrincipal(Principal.role("responders"));
    return aws;
  }

  /** The last timed run's {@link Timeline}. */
  private static String timeline;

  private static long timed(FakePorts aws, String[] args) {
    long start = System.nanoTime();
    CliRun run = CliRun.run(aws, args);
    long end = System.nanoTime();
    if (run.exitCode() != 0) {
      System.err.println(run.err());
      throw new IllegalStateException(args[0] + " exited " + run.exitCode());
    }
    timeline = Timeline.summary(aws.log(), start, end, LATENCY_MS);
    return (end - start) / 1_000_000;
  }
}
