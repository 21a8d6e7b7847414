package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fifth of all calls answered with each protocol's throttling error: every run ends 0 or 3 (never
 * a crash, never a region stopping another), and re-runs converge on the same state an unthrottled
 * run makes.
 */
class ThrottlingEmulatorIT extends EmulatorTier {
  static final String REGIONS = "us-east-1,us-west-2,eu-central-1,ap-northeast-1,sa-east-1";
  static final int MAX_RUNS = 4;

  AwsProxy throttling;

  @BeforeAll
  void startThrottling() throws Exception {
    throttling = extraProxy(AwsProxy.throttling(emulator.endpoint(), 0.2, 20261201L));
  }

  /** Runs until exit 0, at most {@link #MAX_RUNS} times; returns the exit codes. */
  List<Integer> converge(String... args) throws Exception {
    List<Integer> exits = new ArrayList<>();
    for (int run = 0; run < MAX_RUNS; run++) {
      Irctl.Result result = irctl.run(throttling.endpoint(), List.of(args));
      assertThat(result.exitCode()).as("%s", result).isIn(0, 3);
      exits.add(result.exitCode());
      if (result.exitCode() == 0) {
        return exits;
      }
    }
    throw new AssertionError(String.join(" ", args) + " did not converge: exits " + exits);
  }

  @Test
  void enableGuardDutyAndApplyRulesConvergeUnderThrottling() throws Exception {
    converge("enable-guardduty", "--region", REGIONS);
    converge("apply-rules", "--region", REGIONS, "--exclude", HONEY_BUCKET);
    assertThat(throttling.throttledCount()).as("calls the proxy throttled").isPositive();

    // The state an unthrottled run would have made: a re-run without throttling writes nothing.
    ok("enable-guardduty", "--region", REGIONS);
    assertThat(proxy.writes()).as("enable-guardduty writes after convergence").isEmpty();
    ok("apply-rules", "--region", REGIONS, "--exclude", HONEY_BUCKET);
    assertThat(proxy.writes()).as("apply-rules writes after convergence").isEmpty();
    for (String region : REGIONS.split(",")) {
      assertThat(emulator.guardDuty(region).listDetectors().detectorIds())
          .as("detectors in %s", region)
          .hasSize(1);
    }
  }
}
