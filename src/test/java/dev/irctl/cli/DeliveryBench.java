package dev.irctl.cli;

import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import java.time.Duration;

/**
 * doctor and drill over every fake region (17) against the fakes, every call taking 100 ms
 * (bench/doctor.sh and bench/drill.sh run it; not a unit test, timings depend on the machine). The
 * drill's sample arrives after a fixed delay in virtual time, so its wall time is the calls'.
 * Prints wall time and the calls made; the lead records the figures.
 */
public final class DeliveryBench {
  static final long LATENCY_MS = 100;

  /**
   * doctor's longest chain of dependent calls, on the healthy fixture: identity, DescribeRegions,
   * then per region (all at once) topic attributes → subscriptions, rules → targets, trails →
   * status: 2 + 2 calls.
   */
  static final int DOCTOR_CHAIN_CALLS = 4;

  /** drill's goal: the slowest region's delivery plus at most this much of irctl's own work. */
  static final long DRILL_WORK_GOAL_MS = 2000;

  static final Duration DELIVERY_DELAY = Duration.ofSeconds(90);

  private DeliveryBench() {}

  public static void main(String[] args) {
    String mode = args.length == 0 ? "doctor" : args[0];
    long latency = args.length > 1 ? Long.parseLong(args[1]) : LATENCY_MS;
    String[] command = {
      mode,
      "--all-regions",
      "--concurrency",
      "17",
      "--set",
      "bucketNames=corp-backups-honey",
      "--no-color",
      "--auto-approve"
    };
    if (mode.equals("doctor")) {
      command = java.util.Arrays.copyOf(command, command.length - 1);
    } else if (!mode.equals("drill")) {
      throw new IllegalArgumentException("doctor or drill, not " + mode);
    }
    run(account(), command); // warm-up: class loading and the catalog are not calls
    FakePorts aws = account();
    aws.log().latency(latency);
    long start = System.nanoTime();
    CliRun run = run(aws, command);
    long end = System.nanoTime();
    long wallMs = (end - start) / 1_000_000;
    System.out.printf(
        "%s benchmark: %d regions x %d ms per call, --concurrency 17%n",
        mode, FakeRegionDirectory.DEFAULT_REGIONS.size(), latency);
    System.out.printf(
        "wall %d ms, exit %d, %d calls (%d writes)%n",
        wallMs, run.exitCode(), aws.log().calls().size(), aws.log().writes().size());
    System.out.println(dev.irctl.bench.Timeline.summary(aws.log(), start, end, latency));
    if (mode.equals("doctor")) {
      long bound = DOCTOR_CHAIN_CALLS * latency;
      System.out.printf(
          "critical path %d calls = %d ms; ratio %.2f (goal <= 1.5)%n",
          DOCTOR_CHAIN_CALLS, bound, bound == 0 ? 0.0 : (double) wallMs / bound);
    } else {
      // Delivery happens in virtual time (the fake clock), so the wall time is irctl's own work.
      System.out.printf(
          "slowest delivery %d s (virtual); irctl's own work %d ms; ratio to the %d ms allowed %.2f"
              + " (goal <= 1.0)%n",
          DELIVERY_DELAY.toSeconds(),
          wallMs,
          DRILL_WORK_GOAL_MS,
          (double) wallMs / DRILL_WORK_GOAL_MS);
    }
  }

  private static CliRun run(FakePorts aws, String[] command) {
    return CliRun.run(aws, root -> root.drillClock(aws.alertPathFake().time()), command);
  }

  /** Every region healthy (doctor finds only what the selection adds), samples arriving. */
  private static FakePorts account() {
    FakePorts aws = new FakePorts();
    for (String region : FakeRegionDirectory.DEFAULT_REGIONS) {
      DoctorCommandTest.healthy(aws, region);
      aws.alertPathFake().deliverAfter(region, DELIVERY_DELAY);
    }
    DoctorCommandTest.orgTrail(aws);
    return aws;
  }
}
