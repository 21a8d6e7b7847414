package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.model.Rule;

/**
 * SIGTERM to the real jar mid-apply: calls through a slow proxy so the signal lands while writes
 * are going out. The process exits 143 with the summary so far and "Re-run to converge", and a
 * re-run leaves no irctl rule without its target.
 */
class InterruptEmulatorIT extends EmulatorTier {
  static final String REGIONS = "us-east-1,eu-west-1,ap-southeast-2";

  /** Writes the proxy has seen before the signal: well into the first region's rules. */
  static final int WRITES_BEFORE_SIGTERM = 8;

  AwsProxy slow;

  @BeforeAll
  void startSlowProxy() throws Exception {
    slow = extraProxy(AwsProxy.delaying(emulator.endpoint(), Duration.ofMillis(150)));
  }

  @Test
  void sigtermMidApplyExits143WithTheSummaryAndARerunConverges() throws Exception {
    List<String> args =
        List.of(
            "apply-rules", "--region", REGIONS, "--exclude", HONEY_BUCKET, "--concurrency", "1");

    Irctl.Result stopped =
        irctl.runStoppedWhen(
            slow.endpoint(),
            args,
            () ->
                slow.calls().stream().filter(AwsProxy.Call::write).count()
                    >= WRITES_BEFORE_SIGTERM);

    assertThat(stopped.exitCode()).as("%s", stopped).isEqualTo(143);
    assertThat(stopped.err())
        .as("%s", stopped)
        .contains("Interrupted (the process was asked to stop): starting no more writes")
        .containsPattern("Interrupted after \\d+ write calls")
        .contains("Re-run to converge.");
    // The run stopped early: one region at a time, and the last region was never written to.
    assertThat(
            slow.calls().stream()
                .filter(AwsProxy.Call::write)
                .map(AwsProxy.Call::region)
                .distinct()
                .count())
        .as("regions written to before the stop: %s", slow.writes())
        .isLessThan(REGIONS.split(",").length);

    ok(args.toArray(String[]::new));
    assertThat(proxy.writes()).as("the re-run finishes what the stop left").isNotEmpty();
    for (String region : REGIONS.split(",")) {
      for (Rule rule : emulator.events(region).listRules(r -> r.namePrefix("irctl-")).rules()) {
        assertThat(emulator.events(region).listTargetsByRule(r -> r.rule(rule.name())).targets())
            .as("targets of %s in %s", rule.name(), region)
            .isNotEmpty();
      }
      assertThat(emulator.events(region).listRules(r -> r.namePrefix("irctl-")).rules())
          .as("irctl rules in %s after the re-run", region)
          .isNotEmpty();
    }
    ok(args.toArray(String[]::new));
    assertThat(proxy.writes()).as("writes once converged").isEmpty();
  }
}
