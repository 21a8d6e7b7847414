package dev.irctl.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
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
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The runner, once, on the fakes: isolation, unusable regions, identity, progress, parts. */
class RunnerTest {
  private final FakePorts aws = new FakePorts();
  private final List<PartResult> reported = Collections.synchronizedList(new ArrayList<>());
  private final List<String> waiting = Collections.synchronizedList(new ArrayList<>());

  private final Progress progress =
      new Progress() {
        @Override
        public void finished(PartResult result) {
          reported.add(result);
        }

        @Override
        public void waiting(int regions, String slowest) {
          waiting.add(regions + " " + slowest);
        }
      };

  private static final GuardDutyPart GUARD_DUTY =
      new GuardDutyPart(new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of()));

  private static RegionSelection regions(List<String> regions, Map<String, String> unusable) {
    return new RegionSelection(regions, List.of(), unusable, List.of());
  }

  private RunResult run(RegionSelection selection, List<? extends ReadPart> parts, Mode mode) {
    Runner runner = new Runner(aws, 4, progress, Duration.ofMillis(40));
    return runner.run(runner.identify(), selection, parts, mode, List.of());
  }

  /** A part that reads nothing but records the thread of each region it plans in. */
  private static Part probe(String name, boolean global, Map<String, String> threads) {
    return new Part() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean global() {
        return global;
      }

      @Override
      public PartPlan plan(PartContext context) {
        threads.put(context.region(), Thread.currentThread().getName());
        return PartPlan.of(List.of(), context.region(), null, Notes.none());
      }

      @Override
      public Applied apply(PartContext context, PartPlan plan) {
        throw new AssertionError("nothing to apply");
      }

      @Override
      public JsonNode desired() {
        return NullNode.getInstance();
      }
    };
  }

  @Test
  void aFailingRegionFailsOnlyItselfAndUnusableRegionsFailWithoutACall() {
    aws.log().fail("eu-west-1", "*", AwsCallException.Kind.ACCESS_DENIED, "denied in eu-west-1");

    RunResult result =
        run(
            regions(List.of("us-east-1", "eu-west-1"), Map.of("af-south-1", "not enabled")),
            List.of(GUARD_DUTY),
            Mode.APPLY);

    assertThat(result.results())
        .extracting(r -> r.region() + " " + r.status())
        .containsExactly("af-south-1 FAILED", "eu-west-1 FAILED", "us-east-1 APPLIED");
    assertThat(result.results().get(0).error().orElseThrow().kind())
        .isEqualTo(Failure.Kind.REGION_UNUSABLE);
    assertThat(result.results().get(1).error().orElseThrow().message())
        .contains("denied in eu-west-1");
    assertThat(aws.log().calls()).noneMatch(c -> c.startsWith("af-south-1"));
    assertThat(reported).hasSize(3);
    assertThat(result.failed()).isEqualTo(2);
    assertThat(result.ran()).isEqualTo(3);
  }

  @Test
  void identityFailureForANetworkReasonIsUnreachableAndCostsOneCall() {
    aws.log()
        .fail(
            "global",
            "sts:GetCallerIdentity",
            AwsCallException.Kind.SERVICE_ERROR,
            "Unable to execute HTTP request: Connection refused");
    Runner runner = new Runner(aws, 4, progress, Duration.ofSeconds(10));

    assertThatThrownBy(runner::identify)
        .isInstanceOfSatisfying(IdentityFailure.class, e -> assertThat(e.unreachable()).isTrue());
    assertThat(aws.log().calls()).allMatch(c -> c.contains("sts:GetCallerIdentity"));
  }

  @Test
  void whileRegionsAreOutstandingATickSaysHowManyAndWhichIsSlowest() {
    aws.log().latency(60);

    run(regions(List.of("us-east-1", "eu-west-1"), Map.of()), List.of(GUARD_DUTY), Mode.APPLY);

    assertThat(waiting).isNotEmpty();
    assertThat(waiting.get(0)).matches("[12] (us-east-1|eu-west-1)");
  }

  @Test
  void everyPartOfARegionRunsInThatRegionsTaskAndGlobalPartsOnce() {
    Map<String, String> threads = new ConcurrentHashMap<>();

    RunResult result =
        run(
            regions(List.of("us-east-1", "eu-west-1"), Map.of()),
            List.of(GUARD_DUTY, probe("probe", false, threads), probe("world", true, threads)),
            Mode.PLAN);

    assertThat(result.results())
        .extracting(r -> r.region() + " " + r.part() + " " + r.status())
        .containsExactly(
            "eu-west-1 guardduty PENDING",
            "eu-west-1 probe IN_SYNC",
            "us-east-1 guardduty PENDING",
            "us-east-1 probe IN_SYNC",
            "global world IN_SYNC");
    assertThat(result.results()).allMatch(r -> r.fingerprint().isPresent());
    assertThat(threads).containsOnlyKeys("us-east-1", "eu-west-1", "global");
    assertThat(aws.log().calls().stream().filter(c -> c.contains("sts:GetCallerIdentity")))
        .hasSize(1);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aGateHoldsAPartBackInARegionAndNothingIsWrittenThere() {
    RunResult result =
        run(
            regions(List.of("us-east-1", "eu-west-1"), Map.of()),
            List.of(GUARD_DUTY),
            Mode.applying(
                (part, region, fresh, fingerprint) ->
                    region.equals("eu-west-1")
                        ? Optional.of(
                            new Failure(
                                Failure.Kind.CHANGED_SINCE_PLAN,
                                Failure.CHANGED_SINCE_PLAN_MESSAGE))
                        : Optional.empty()));

    assertThat(result.results().get(0).status()).isEqualTo(PartStatus.FAILED);
    assertThat(result.results().get(1).status()).isEqualTo(PartStatus.APPLIED);
    assertThat(aws.log().writes()).containsExactly("us-east-1 guardduty:CreateDetector (write)");
  }

  @Test
  void aReadOnlyPartInAWritingRunIsNeverAppliedAndMakesNoWriteCall() {
    ReadPart readsGuardDuty = new ReadsOnly(GUARD_DUTY);

    RunResult result =
        run(regions(List.of("us-east-1"), Map.of()), List.of(readsGuardDuty), Mode.APPLY);

    PartResult only = result.results().get(0);
    assertThat(only.status()).isEqualTo(PartStatus.PENDING);
    assertThat(only.changes()).isNotEmpty();
    assertThat(only.writes()).isZero();
    assertThat(aws.log().calls()).anyMatch(c -> c.contains("guardduty:ListDetectors"));
    assertThat(aws.log().writes()).isEmpty();
  }

  /** The same reads and plan as a writing part, and no apply at all. */
  private record ReadsOnly(Part part) implements ReadPart {
    @Override
    public String name() {
      return part.name();
    }

    @Override
    public PartPlan plan(PartContext context) {
      return part.plan(context);
    }
  }
}
