package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The question before a write: on a terminal, only "yes" writes; without one, --auto-approve. */
class ApprovalTest {
  private static final String REGION = "--region=eu-west-1";

  private final FakePorts aws = new FakePorts();

  /** A person at a terminal who answers {@code answer}; remembers what was asked. */
  private static final class FakeTerminal implements Terminal {
    final List<String> asked = new ArrayList<>();
    final String answer;

    FakeTerminal(String answer) {
      this.answer = answer;
    }

    @Override
    public boolean interactive() {
      return true;
    }

    @Override
    public String ask(String prompt) {
      asked.add(prompt);
      return answer;
    }
  }

  private CliRun run(Terminal terminal, String... args) {
    return CliRun.run(aws, terminal, Duration.ofSeconds(10), args);
  }

  @Test
  void yesAppliesWhatWasShown() {
    FakeTerminal terminal = new FakeTerminal("yes");

    CliRun run = run(terminal, "enable-guardduty", REGION);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(terminal.asked)
        .containsExactly(
            "Apply 1 change (1 to add, 0 to change, 0 to destroy)? Only 'yes' is accepted: ");
    assertThat(run.out()).contains("+ create detector").contains("Apply: 1 added");
    assertThat(aws.log().writes()).containsExactly("eu-west-1 guardduty:CreateDetector (write)");
  }

  @Test
  void anAnsweredRunSaysWhoAndWhereOnce() {
    CliRun run = run(new FakeTerminal("yes"), "enable-guardduty", REGION);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().filter(l -> l.startsWith("account ")))
        .containsExactly(
            "account 111122223333 as arn:aws:sts::111122223333:assumed-role/admin/session"
                + " (partition aws), 1 region");
  }

  @Test
  void anythingButYesWritesNothing() {
    for (String answer : new String[] {"y", "YES", "no", "", null}) {
      FakeTerminal terminal = new FakeTerminal(answer);

      CliRun run = run(terminal, "apply-rules", REGION, "--set=bucketNames=honey");

      assertThat(terminal.asked).as(answer).hasSize(1);
      assertThat(run.exitCode()).as(answer).isEqualTo(1);
      assertThat(run.err()).contains("Apply cancelled: nothing was changed.");
      assertThat(aws.log().writes()).as(answer).isEmpty();
    }
  }

  @Test
  void nothingToChangeAsksNothing() {
    CliRun.run(aws, "enable-guardduty", "--auto-approve", REGION);
    FakeTerminal terminal = new FakeTerminal("no");

    CliRun run = run(terminal, "enable-guardduty", REGION);

    assertThat(run.exitCode()).isZero();
    assertThat(terminal.asked).isEmpty();
  }

  @Test
  void withoutATerminalEveryWritingCommandNeedsAutoApproveAndMakesNoCall() {
    for (String[] args :
        new String[][] {
          {"apply", REGION, "--set=bucketNames=honey"},
          {"enable-guardduty", REGION},
          {"apply-rules", REGION, "--set=bucketNames=honey", "--prune"},
          {"remove-rules", REGION, "--delete-topic"},
          {"install-policy", "--role", "responders"}
        }) {
      CliRun run = run(Terminal.NONE, args);

      assertThat(run.exitCode()).as(args[0]).isEqualTo(2);
      assertThat(run.err()).as(args[0]).contains("--auto-approve");
      assertThat(aws.log().calls()).as(args[0]).isEmpty();
    }
  }

  @Test
  void dryRunAndPlanNeverAsk() {
    FakeTerminal terminal = new FakeTerminal("yes");

    CliRun dry = run(terminal, "enable-guardduty", REGION, "--dry-run");
    CliRun plan = run(terminal, "plan", REGION, "--set=bucketNames=honey");

    assertThat(dry.exitCode()).isZero();
    assertThat(plan.exitCode()).isZero();
    assertThat(terminal.asked).isEmpty();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(dry.out()).contains("+ create detector").endsWith("0 to destroy\n");
  }

  @Test
  void whoAndWhereArePrintedBeforeTheFirstWrite() {
    CliRun run =
        CliRun.run(aws, "enable-guardduty", "--auto-approve", "--region=eu-west-1,us-east-1");

    assertThat(run.err())
        .startsWith(
            "account 111122223333 as arn:aws:sts::111122223333:assumed-role/admin/session (partition aws), 2 regions\n");
  }
}
