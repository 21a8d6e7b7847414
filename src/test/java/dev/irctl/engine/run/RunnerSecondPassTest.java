package dev.irctl.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The second pass: retryable failures run once more after the others; nothing else does. */
class RunnerSecondPassTest {
  private static final String LIST = "guardduty:ListDetectors";
  private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1");
  private static final GuardDutyPart GUARD_DUTY =
      new GuardDutyPart(new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of()));

  private final FakePorts aws = new FakePorts();
  private final AtomicInteger delays = new AtomicInteger();
  private final List<String> retried = Collections.synchronizedList(new ArrayList<>());
  private final List<PartResult> reported = Collections.synchronizedList(new ArrayList<>());

  private final Progress progress =
      new Progress() {
        @Override
        public void finished(PartResult result) {
          reported.add(result);
        }

        @Override
        public void retrying(List<PartResult> failed, Duration delay) {
          failed.forEach(r -> retried.add(r.region() + " " + r.part()));
        }
      };

  private RunResult run(Mode mode) {
    Runner runner =
        new Runner(aws, 4, progress)
            .secondPass(
                () -> {
                  delays.incrementAndGet();
                  return Duration.ZERO;
                });
    return runner.run(
        runner.identify(),
        new RegionSelection(REGIONS, List.of(), Map.of(), List.of()),
        List.of(GUARD_DUTY),
        mode,
        List.of());
  }

  private long calls(String region, String action) {
    return aws.log().matching(c -> c.startsWith(region + " " + action)).size();
  }

  @Test
  void aRegionThrottledOnceIsAppliedOnTheSecondPassAndSaysSo() {
    aws.log().failTimes("eu-west-1", LIST, AwsCallException.Kind.THROTTLED, "Rate exceeded", 1);

    RunResult result = run(Mode.APPLY);

    assertThat(result.results())
        .extracting(r -> r.region() + " " + r.status())
        .containsExactly("eu-west-1 APPLIED", "us-east-1 APPLIED");
    PartResult euWest = result.results().get(0);
    assertThat(euWest.notes().warnings())
        .singleElement()
        .asString()
        .startsWith("done on the second pass; the first failed: ")
        .contains("Rate exceeded");
    assertThat(euWest.changes()).isNotEmpty();
    assertThat(euWest.writes()).isEqualTo(1);
    assertThat(retried).containsExactly("eu-west-1 guardduty");
    assertThat(delays).hasValue(1);
    assertThat(calls("eu-west-1", LIST)).isEqualTo(2);
    assertThat(calls("us-east-1", LIST)).isEqualTo(1);
    // progress heard the first failure and then the final result
    assertThat(reported)
        .filteredOn(r -> r.region().equals("eu-west-1"))
        .extracting(PartResult::status)
        .containsExactly(PartStatus.FAILED, PartStatus.APPLIED);
  }

  @Test
  void aRegionThatFailsTwiceReportsBothPasses() {
    aws.log().fail("eu-west-1", LIST, AwsCallException.Kind.SERVICE_ERROR, "HTTP 503");

    RunResult result = run(Mode.APPLY);

    PartResult euWest = result.results().get(0);
    assertThat(euWest.status()).isEqualTo(PartStatus.FAILED);
    assertThat(euWest.error().orElseThrow().message())
        .contains("HTTP 503")
        .endsWith("(failed after 2 passes)");
    assertThat(euWest.error().orElseThrow().retryable()).isTrue();
    assertThat(calls("eu-west-1", LIST)).isEqualTo(2);
  }

  @Test
  void timeoutsAreRetriedToo() {
    aws.log().failTimes("eu-west-1", LIST, AwsCallException.Kind.TIMEOUT, "no answer", 1);

    assertThat(run(Mode.APPLY).failed()).isZero();
  }

  @Test
  void accessDeniedAndInvalidRequestsAreNotRetried() {
    aws.log().fail("eu-west-1", LIST, AwsCallException.Kind.ACCESS_DENIED, "not authorized");
    aws.log().fail("us-east-1", LIST, AwsCallException.Kind.INVALID_REQUEST, "bad request");

    RunResult result = run(Mode.APPLY);

    assertThat(result.failed()).isEqualTo(2);
    assertThat(result.results())
        .allSatisfy(r -> assertThat(r.error().orElseThrow().message()).doesNotContain("passes"));
    assertThat(calls("eu-west-1", LIST)).isEqualTo(1);
    assertThat(calls("us-east-1", LIST)).isEqualTo(1);
    assertThat(retried).isEmpty();
    assertThat(delays).hasValue(0);
  }

  @Test
  void whenNothingFailsThereIsNoSecondPassAndNoWait() {
    RunResult result = run(Mode.APPLY);

    assertThat(result.failed()).isZero();
    assertThat(delays).hasValue(0);
    assertThat(retried).isEmpty();
  }

  @Test
  void aPlanIsRetriedLikeAnApply() {
    aws.log().failTimes("eu-west-1", LIST, AwsCallException.Kind.THROTTLED, "Rate exceeded", 1);

    RunResult result = run(Mode.PLAN);

    assertThat(result.results())
        .extracting(r -> r.region() + " " + r.status())
        .containsExactly("eu-west-1 PENDING", "us-east-1 PENDING");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void withoutASecondPassAThrottledRegionFailsAtOnce() {
    aws.log().failTimes("eu-west-1", LIST, AwsCallException.Kind.THROTTLED, "Rate exceeded", 1);
    Runner runner = new Runner(aws, 4, progress);

    RunResult result =
        runner.run(
            runner.identify(),
            new RegionSelection(REGIONS, List.of(), Map.of(), List.of()),
            List.of(GUARD_DUTY),
            Mode.APPLY,
            List.of());

    assertThat(result.failed()).isEqualTo(1);
    assertThat(calls("eu-west-1", LIST)).isEqualTo(1);
  }

  @Test
  void underAGateAPartThatWroteNothingIsRetried() {
    aws.log()
        .failTimes(
            "eu-west-1",
            "guardduty:CreateDetector",
            AwsCallException.Kind.THROTTLED,
            "Rate exceeded",
            1);
    aws.log().failTimes("us-east-1", LIST, AwsCallException.Kind.THROTTLED, "Rate exceeded", 1);

    RunResult result = run(Mode.applying((p, r, f, fp) -> Optional.empty()));

    // CreateDetector threw: the part wrote nothing (the call failed), so it is retried under a
    // gate.
    assertThat(result.results())
        .extracting(r -> r.region() + " " + r.status())
        .containsExactly("eu-west-1 APPLIED", "us-east-1 APPLIED");
  }

  /** A part whose every apply writes once and then is throttled, as a partial apply. */
  private static Part halfWriting(AtomicInteger applies) {
    return new Part() {
      @Override
      public String name() {
        return "half";
      }

      @Override
      public PartPlan plan(PartContext context) {
        dev.irctl.engine.Change change =
            new dev.irctl.engine.Change() {
              @Override
              public dev.irctl.engine.ChangeAction action() {
                return dev.irctl.engine.ChangeAction.CREATE;
              }

              @Override
              public String resource() {
                return "thing";
              }

              @Override
              public String reason() {
                return "missing";
              }

              @Override
              public List<dev.irctl.engine.FieldDiff> diffs() {
                return List.of();
              }
            };
        return PartPlan.of(List.of(change), "actual", null, Notes.none());
      }

      @Override
      public Applied apply(PartContext context, PartPlan plan) {
        applies.incrementAndGet();
        return Applied.of(1, List.of("thing: still throttled after retries"), true);
      }

      @Override
      public com.fasterxml.jackson.databind.JsonNode desired() {
        return com.fasterxml.jackson.databind.node.NullNode.getInstance();
      }
    };
  }

  private RunResult runOne(Part part, Mode mode) {
    Runner runner = new Runner(aws, 4, progress).secondPass(() -> Duration.ZERO);
    return runner.run(
        runner.identify(),
        new RegionSelection(List.of("eu-west-1"), List.of(), Map.of(), List.of()),
        List.of(part),
        mode,
        List.of());
  }

  @Test
  void aPartialApplyIsRetriedAndItsWritesAddUp() {
    AtomicInteger applies = new AtomicInteger();

    PartResult result = runOne(halfWriting(applies), Mode.APPLY).results().get(0);

    assertThat(applies).hasValue(2);
    assertThat(result.writes()).isEqualTo(2);
    assertThat(result.error().orElseThrow().kind()).isEqualTo(Failure.Kind.PARTIAL_APPLY);
    assertThat(result.error().orElseThrow().message()).endsWith("(failed after 2 passes)");
  }

  @Test
  void underAGateAPartThatWroteIsNotRetried() {
    AtomicInteger applies = new AtomicInteger();

    PartResult result =
        runOne(halfWriting(applies), Mode.applying((p, r, f, fp) -> Optional.empty()))
            .results()
            .get(0);

    // The approved plan no longer describes what exists: a fresh plan is the user's to approve.
    assertThat(applies).hasValue(1);
    assertThat(result.error().orElseThrow().message()).doesNotContain("passes");
    assertThat(retried).isEmpty();
  }

  @Test
  void aStopDuringTheWaitCancelsTheSecondPass() {
    aws.log().fail("eu-west-1", LIST, AwsCallException.Kind.THROTTLED, "Rate exceeded");
    Cancellation stop = Cancellation.none();
    Runner runner =
        new Runner(aws, 4, progress)
            .secondPass(
                () -> {
                  stop.request("test");
                  return Duration.ofMinutes(5);
                });

    RunResult result =
        runner.run(
            runner.identify(),
            new RegionSelection(REGIONS, List.of(), Map.of(), List.of()),
            List.of(GUARD_DUTY),
            Mode.APPLY.stoppedBy(stop),
            List.of());

    assertThat(result.results().get(0).error().orElseThrow().message()).doesNotContain("2 passes");
    assertThat(calls("eu-west-1", LIST)).isEqualTo(1);
  }
}
