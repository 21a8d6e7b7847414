package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.ExitCode;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.fakes.FakeEventBridge;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM and Ctrl-C mid-apply, in-process: the fakes stop the run after N writes as the shutdown
 * hook would; no write starts after that but the ones completing a rule, the summary so far and
 * "re-run to converge" are printed, the exit code is the signal's, and a re-run converges.
 */
class InterruptTest {
  private static final String REGIONS = "us-east-1,eu-west-1";
  private final FakePorts aws = new FakePorts();

  private CliRun applyStoppedAfter(int writes, int exitCode, String... args) {
    AtomicInteger afterStop = new AtomicInteger(-1);
    CliRun run =
        CliRun.run(
            aws,
            root ->
                aws.log()
                    .onWrite(
                        writes,
                        () -> {
                          root.interruption().interrupt(exitCode, "SIGTERM");
                          afterStop.set(aws.log().writes().size());
                        }),
            args);
    assertThat(afterStop.get()).as("the stop happened").isPositive();
    return run;
  }

  @Test
  void sigtermMidApplyStartsNoMoreWritesPrintsTheSummaryAndExits143() {
    CliRun run =
        applyStoppedAfter(
            12,
            ExitCode.TERMINATED,
            "apply-rules",
            "--auto-approve",
            "--region",
            REGIONS,
            "--concurrency",
            "1");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.TERMINATED);
    assertThat(run.err())
        .contains("Interrupted (SIGTERM): starting no more writes")
        .containsPattern("Interrupted after \\d+ write calls: \\d+ parts? left unfinished")
        .contains("Re-run to converge.");
    assertThat(run.out()).contains("interrupted").contains("Apply: ");
    // One region at a time: the second never started, so nothing was read or written there.
    // (The forwarder role reads the regions the sign-in rules are carried to on its own.)
    List<String> calls = aws.log().calls();
    String first =
        calls.stream()
            .filter(c -> c.startsWith("us-east-1 events:") || c.startsWith("eu-west-1 events:"))
            .findFirst()
            .orElseThrow();
    String other = first.startsWith("us-east-1") ? "eu-west-1" : "us-east-1";
    assertThat(calls).noneMatch(c -> c.startsWith(other + " events:"));
    assertThat(run.out()).contains(other).contains("not started: the run was interrupted");
    // In the region that ran: every rule PutRule created has its target (the follow-up went).
    FakeEventBridge events = aws.eventBridgeIn(first.substring(0, first.indexOf(' ')));
    List<String> rules = events.ruleNames("default");
    assertThat(rules).isNotEmpty();
    for (String rule : rules) {
      assertThat(events.rule("default", rule).orElseThrow().targets())
          .as("targets of %s", rule)
          .containsKey(RuleTarget.IRCTL_TARGET_ID);
    }
    // Far fewer writes than the whole apply (two regions of ~40 rules each).
    assertThat(aws.log().writes().size()).isLessThan(40);
  }

  @Test
  void ctrlCExits130AndARerunConvergesToNothingPending() {
    CliRun stopped =
        applyStoppedAfter(
            5,
            ExitCode.INTERRUPTED,
            "apply-rules",
            "--auto-approve",
            "--region",
            REGIONS,
            "--concurrency",
            "1");
    assertThat(stopped.exitCode()).isEqualTo(ExitCode.INTERRUPTED);

    CliRun rerun = CliRun.run(aws, "apply-rules", "--auto-approve", "--region", REGIONS);
    assertThat(rerun.exitCode()).as(rerun.err()).isZero();
    aws.log().clear();
    CliRun plan = CliRun.run(aws, "plan", "--region", REGIONS, "--detailed-exitcode");

    assertThat(plan.out()).doesNotContain("rules      pending");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void withoutAStopTheExitCodeIsTheRunsOwn() {
    CliRun run = CliRun.run(aws, "apply-rules", "--auto-approve", "--region", REGIONS);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).doesNotContain("Interrupted");
  }
}
