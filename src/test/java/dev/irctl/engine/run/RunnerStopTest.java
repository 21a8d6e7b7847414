package dev.irctl.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A stopped run starts no region and no apply; what was left says so. */
class RunnerStopTest {
  private static final GuardDutyPart GUARD_DUTY =
      new GuardDutyPart(new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of()));
  private final FakePorts aws = new FakePorts();

  private RunResult run(Mode mode, int concurrency) {
    Runner runner = new Runner(aws, concurrency, Progress.NONE);
    return runner.run(
        runner.identify(),
        new RegionSelection(
            List.of("us-east-1", "eu-west-1", "ap-south-1"), List.of(), Map.of(), List.of()),
        List.of(GUARD_DUTY),
        mode,
        List.of());
  }

  @Test
  void aRunStoppedBeforeItStartsReadsAndWritesNothingInAnyRegion() {
    Cancellation stop = Cancellation.none();
    stop.request("SIGTERM");

    RunResult result = run(Mode.APPLY.stoppedBy(stop), 4);

    assertThat(result.results())
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(PartStatus.FAILED);
              assertThat(r.error().orElseThrow().kind()).isEqualTo(Failure.Kind.INTERRUPTED);
              assertThat(r.error().orElseThrow().message()).isEqualTo(Cancellation.NOT_STARTED);
            });
    assertThat(aws.log().calls()).allMatch(c -> c.contains("sts:GetCallerIdentity"));
  }

  @Test
  void aStopAfterTheFirstWriteLeavesTheRegionsNotYetStartedAlone() {
    Cancellation stop = Cancellation.none();
    aws.log().onWrite(1, () -> stop.request("SIGINT"));

    RunResult result = run(Mode.APPLY.stoppedBy(stop), 1);

    assertThat(aws.log().writes()).hasSize(1);
    assertThat(result.results())
        .extracting(PartResult::status)
        .containsExactlyInAnyOrder(PartStatus.APPLIED, PartStatus.FAILED, PartStatus.FAILED);
    assertThat(result.writes()).isEqualTo(1);
  }

  @Test
  void aPlanRunStoppedStillEndsWithAResultPerRegion() {
    Cancellation stop = Cancellation.none();
    stop.request("SIGINT");

    RunResult result = run(Mode.PLAN.stoppedBy(stop), 2);

    assertThat(result.results()).hasSize(3);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void theFirstReasonWinsAndAwaitReturnsAtOnceOnceRequested() {
    Cancellation stop = Cancellation.none();
    assertThat(stop.await(java.time.Duration.ZERO)).isFalse();
    stop.request("SIGINT");
    stop.request("SIGTERM");

    assertThat(stop.reason()).contains("SIGINT");
    assertThat(stop.await(java.time.Duration.ofHours(1))).isTrue();
  }
}
