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
  static final Duration DELIVERY_DELAY = Duration.ofSeconds(90);

  private DeliveryBench() {}

  public static void main(String[] args) {
    String mode = args.length == 0 ? "doctor" : args[0];
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
    aws.log().latency(LATENCY_MS);
    long start = System.nanoTime();
    CliRun run = run(aws, command);
    long wallMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "%s benchmark: %d regions x %d ms per call, --concurrency 17%n",
        mode, FakeRegionDirectory.DEFAULT_REGIONS.size(), LATENCY_MS);
    System.out.printf(
        "wall %d ms, exit %d, %d calls (%d writes)%n",
        wallMs, run.exitCode(), aws.log().calls().size(), aws.log().writes().size());
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
