package dev.irctl.bench;

import dev.irctl.cli.CliRun;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import java.util.Map;
import java.util.TreeMap;

/**
 * apply-rules over 17 regions and the whole bundled catalog against the fakes, every call taking
 * 100 ms (bench/apply-rules.sh runs it; it is not a unit test, timings depend on the machine).
 * Prints wall time, the critical-path bound and their ratio for a first run (everything created)
 * and a second run (nothing to do), with the write and read calls made.
 *
 * <p>The bound is the longest chain of calls that must wait for one another, with independent calls
 * (the rules of a region, the regions themselves at --concurrency 17) running at once:
 *
 * <pre>
 * first run:  [sts:GetCallerIdentity ‖ ec2:DescribeRegions]
 *             → [events:ListRules (the whole bus: the plan's rules and the quota count) ‖ sns:GetTopicAttributes (absent)]
 *             → [sns:CreateTopic ‖ events:PutRule per rule]
 *             → [events:PutTargets per rule (needs its rule and the topic) ‖ sns:Subscribe (needs the topic)]
 *             = 4 calls (5 while identity and regions ran in a row, 6 before the quota count shared the
 *             plan's ListRules)
 * second run: [sts:GetCallerIdentity ‖ ec2:DescribeRegions]
 *             → [events:ListRules ‖ sns:GetTopicAttributes]
 *             → [events:ListTargetsByRule per rule ‖ sns:ListTagsForResource ‖ sns:ListSubscriptionsByTopic]
 *             = 3 calls (4 in a row; rule tags are read only for rules the plan would change)
 * </pre>
 *
 * <p>Each ratio is also given against the chain with identity and regions in a row (one call more),
 * the bound of the figures recorded before session 5.
 */
public final class ApplyRulesBench {
  static final long LATENCY_MS = 100;
  static final int FIRST_RUN_CHAIN = 4;
  static final int SECOND_RUN_CHAIN = 3;

  private ApplyRulesBench() {}

  public static void main(String[] args) {
    String[] command = {
      "apply-rules",
      "--auto-approve",
      "--all-regions",
      "--concurrency",
      "17",
      "--set",
      "bucketNames=corp-backups-honey",
      "--subscribe",
      "email:soc@example.com",
      "--no-color"
    };
    // Warm-up on a separate account without latency: class loading, catalog load and schema checks
    // are CPU work,
    // not calls, and would otherwise be charged to the first measured run.
    CliRun.run(new FakePorts(), command);

    FakePorts aws = new FakePorts();
    aws.log().latency(LATENCY_MS);
    long fingerprintsBefore = Fingerprint.computed();
    long start = System.nanoTime();
    CliRun first = CliRun.run(aws, command);
    long firstEnd = System.nanoTime();
    long firstMs = (firstEnd - start) / 1_000_000;
    check(first);
    int firstWrites = aws.log().writes().size();
    int firstCalls = aws.log().calls().size();
    String firstTimeline = Timeline.summary(aws.log(), start, firstEnd, LATENCY_MS);

    aws.log().clear();
    start = System.nanoTime();
    CliRun second = CliRun.run(aws, command);
    long secondEnd = System.nanoTime();
    long secondMs = (secondEnd - start) / 1_000_000;
    check(second);
    long fingerprints = Fingerprint.computed() - fingerprintsBefore;

    Map<String, Integer> reads = new TreeMap<>();
    aws.log().calls().forEach(c -> reads.merge(c.split(" ")[0], 1, Integer::sum));
    System.out.printf(
        "apply-rules benchmark: %d regions x %d ms per call, --concurrency 17%n",
        FakeRegionDirectory.DEFAULT_REGIONS.size(), LATENCY_MS);
    System.out.printf(
        "first run:  wall %5d ms, bound %d ms (%d dependent calls), ratio %.2f (%.2f against %d"
            + " calls), %d calls (%d writes)%n",
        firstMs,
        FIRST_RUN_CHAIN * LATENCY_MS,
        FIRST_RUN_CHAIN,
        firstMs / (double) (FIRST_RUN_CHAIN * LATENCY_MS),
        firstMs / (double) ((FIRST_RUN_CHAIN + 1) * LATENCY_MS),
        FIRST_RUN_CHAIN + 1,
        firstCalls,
        firstWrites);
    System.out.println("            " + firstTimeline);
    System.out.printf(
        "second run: wall %5d ms, bound %d ms (%d dependent calls), ratio %.2f (%.2f against %d"
            + " calls), %d writes%n",
        secondMs,
        SECOND_RUN_CHAIN * LATENCY_MS,
        SECOND_RUN_CHAIN,
        secondMs / (double) (SECOND_RUN_CHAIN * LATENCY_MS),
        secondMs / (double) ((SECOND_RUN_CHAIN + 1) * LATENCY_MS),
        SECOND_RUN_CHAIN + 1,
        aws.log().writes().size());
    System.out.printf("fingerprints computed in the measured runs: %d%n", fingerprints);
    System.out.println("            " + Timeline.summary(aws.log(), start, secondEnd, LATENCY_MS));
    System.out.println(
        "second run read calls per region (global: sts, and the region DescribeRegions was called in):");
    reads.forEach((region, count) -> System.out.printf("  %-16s %d%n", region, count));
    Map<String, Integer> actions = new TreeMap<>();
    aws.log().calls().stream()
        .filter(c -> c.startsWith("us-east-2 "))
        .forEach(c -> actions.merge(c.split(" ")[1], 1, Integer::sum));
    System.out.println("second run read calls in us-east-2, by action:");
    actions.forEach((action, count) -> System.out.printf("  %-34s %d%n", action, count));
  }

  private static void check(CliRun run) {
    if (run.exitCode() != 0) {
      System.err.println(run.err());
      throw new IllegalStateException("apply-rules exited " + run.exitCode());
    }
  }
}
