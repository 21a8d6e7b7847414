package dev.irctl.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AwsCallException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegionRunnerTest {
  @Test
  void aFailingRegionBecomesItsOwnOutcomeAndTheOthersFinish() {
    List<RegionOutcome<String>> outcomes =
        new RegionRunner(4)
            .run(
                List.of("a", "b", "c"),
                region -> {
                  if (region.equals("b")) {
                    throw new AwsCallException(
                        AwsCallException.Kind.ACCESS_DENIED, "svc:Act", "nope");
                  }
                  return region.toUpperCase();
                },
                o -> {});

    assertThat(outcomes).extracting(RegionOutcome::region).containsExactly("a", "b", "c");
    assertThat(outcomes.get(0).value()).contains("A");
    assertThat(outcomes.get(1).error()).hasValueSatisfying(e -> assertThat(e).contains("svc:Act"));
    assertThat(outcomes.get(2).value()).contains("C");
  }

  @Test
  void neverRunsMoreRegionsAtOnceThanTheConcurrency() {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<String> regions = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      regions.add("r" + i);
    }

    new RegionRunner(3)
        .run(
            regions,
            region -> {
              peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
              try {
                Thread.sleep(20);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.decrementAndGet();
              return region;
            },
            o -> {});

    assertThat(peak.get()).isLessThanOrEqualTo(3).isGreaterThan(1);
  }

  @Test
  void anUnexpectedExceptionIsReportedWithItsType() {
    List<RegionOutcome<String>> outcomes =
        new RegionRunner(1)
            .run(
                List.of("a"),
                region -> {
                  throw new IllegalStateException("boom");
                },
                o -> {});

    assertThat(outcomes.get(0).error()).contains("unexpected IllegalStateException: boom");
  }

  @Test
  void aSelectionsUnusableRegionsComeFirstAndFailuresBecomeFailedResults() {
    var selection =
        new dev.irctl.engine.region.RegionSelection(
            List.of("a", "b"),
            List.of(),
            java.util.Map.of("x", "region x is not enabled"),
            List.of());
    List<String> progress = new ArrayList<>();

    List<String> results =
        new RegionRunner(2)
            .run(
                selection,
                region -> {
                  if (region.equals("b")) {
                    throw new AwsCallException(
                        AwsCallException.Kind.THROTTLED, "svc:Act", "slow down");
                  }
                  return region + " ok";
                },
                (region, why) -> region + " failed: " + why,
                progress::add);

    assertThat(results.get(0)).isEqualTo("x failed: region x is not enabled");
    assertThat(results.get(1)).isEqualTo("a ok");
    assertThat(results.get(2)).startsWith("b failed: svc:Act was still throttled");
    assertThat(progress).containsExactlyInAnyOrderElementsOf(results);
  }
}
