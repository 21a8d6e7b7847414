package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DrillCommandTest {
  private static final String REGIONS = "--region=us-east-1,eu-west-1";
  private static final String RULE = "--rule=iam-mfa-deactivated";

  private final FakePorts aws = new FakePorts();
  private final List<String> prompts = new ArrayList<>();

  /** Virtual time, and a terminal that answers {@code answer} (null: no terminal). */
  private Consumer<IrctlCommand> setup(String answer) {
    return root ->
        root.drillClock(aws.alertPathFake().time())
            .terminal(
                new Terminal() {
                  @Override
                  public boolean interactive() {
                    return answer != null;
                  }

                  @Override
                  public String ask(String prompt) {
                    prompts.add(prompt);
                    return answer;
                  }
                });
  }

  private void twoHealthyRegions() {
    DoctorCommandTest.healthy(aws, "us-east-1");
    DoctorCommandTest.healthy(aws, "eu-west-1");
  }

  @Test
  void aSampleThatArrivesEverywhereWithAgreeingPatternsExitsZeroAndCleansUp() {
    twoHealthyRegions();
    aws.alertPathFake().deliverAfter("us-east-1", Duration.ofSeconds(40));
    aws.alertPathFake().deliverAfter("eu-west-1", Duration.ofSeconds(95));

    CliRun run = CliRun.run(aws, setup(null), "drill", REGIONS, RULE, "--auto-approve");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.err()).contains("this will notify: email:soc@example.com");
    assertThat(prompts).isEmpty();
    assertThat(run.out())
        .containsPattern("eu-west-1  delivered after 95 s +1 rules, \\d+ examples agree")
        .containsPattern("us-east-1  delivered after 40 s ")
        .contains("2 regions: 2 delivered with every pattern agreeing.");
    for (String region : List.of("us-east-1", "eu-west-1")) {
      assertThat(aws.alertPathFake().queuesIn(region).names()).isEmpty();
      assertThat(aws.alertPathFake().subscriptionsIn(region).all())
          .singleElement()
          .satisfies(s -> assertThat(s.endpoint()).isEqualTo("soc@example.com"));
    }
    assertThat(aws.log().matching(c -> c.contains("events:TestEventPattern"))).isNotEmpty();
  }

  @Test
  void aSampleThatNeverArrivesIsNotDeliveredWithinTheTimeoutAndExitsOne() throws Exception {
    // One region: the fakes' virtual time is shared, so a second region's polls would move it.
    DoctorCommandTest.healthy(aws, "eu-west-1");

    CliRun run =
        CliRun.run(
            aws,
            setup(null),
            "drill",
            "--region=eu-west-1",
            RULE,
            "--auto-approve",
            "--timeout",
            "30s",
            "--output",
            "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode region = Json.mapper().readTree(run.out()).path("regions").get(0);
    assertThat(region.path("delivery").asText()).isEqualTo("not_delivered");
    assertThat(region.path("reason").asText()).isEqualTo("no sample finding arrived within 30 s");
    assertThat(region.path("deliveredAfterSeconds").isNull()).isTrue();
    assertThat(region.path("passed").asBoolean()).isFalse();
    assertThat(aws.alertPathFake().queuesIn("eu-west-1").names()).isEmpty();
    assertThat(aws.alertPathFake().subscriptionsIn("eu-west-1").all()).hasSize(1);
  }

  @Test
  void withoutATerminalAndWithoutAutoApproveItStopsBeforeAnyCall() {
    twoHealthyRegions();

    CliRun run = CliRun.run(aws, setup(null), "drill", REGIONS, RULE);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--auto-approve");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void onATerminalOnlyYesRunsIt() {
    twoHealthyRegions();
    aws.alertPathFake().deliverAfter("us-east-1", Duration.ofSeconds(5));
    aws.alertPathFake().deliverAfter("eu-west-1", Duration.ofSeconds(5));

    CliRun declined = CliRun.run(aws, setup("y"), "drill", REGIONS, RULE);

    assertThat(declined.exitCode()).isEqualTo(1);
    assertThat(prompts).containsExactly("Run the drill in 2 regions? Only 'yes' is accepted: ");
    assertThat(declined.err()).contains("this will notify: email:soc@example.com");
    assertThat(aws.log().writes()).isEmpty();

    CliRun approved = CliRun.run(aws, setup("yes"), "drill", REGIONS, RULE);

    assertThat(approved.exitCode()).as(approved.err()).isZero();
    assertThat(aws.log().writes()).anyMatch(w -> w.contains("guardduty:CreateSampleFindings"));
  }

  @Test
  void aPatternAwsMatchesDifferentlyIsAFailureNamingTheRuleAndTheExample() {
    twoHealthyRegions();
    aws.alertPathFake().deliverAfter("us-east-1", Duration.ofSeconds(5));
    aws.alertPathFake().deliverAfter("eu-west-1", Duration.ofSeconds(5));
    aws.eventBridgeIn("eu-west-1").answerTestEventPattern((pattern, event) -> false);

    CliRun run = CliRun.run(aws, setup(null), "drill", REGIONS, RULE, "--auto-approve");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    assertThat(run.out())
        .containsPattern("eu-west-1  delivered after 5 s +1 rules, \\d+ examples, \\d+ disagree")
        .contains("eu-west-1 irctl-iam-mfa-deactivated match[0]: AWS says no match");
  }

  @Test
  void aCtrlCMidDrillGoesThroughTheSharedHookRemovesTheQueueAndExits130() {
    DoctorCommandTest.healthy(aws, "eu-west-1");
    // Never delivered: without the stop the drill would wait out its timeout.
    Consumer<IrctlCommand> stopAtTheSample =
        setup(null)
            .andThen(
                root ->
                    aws.log()
                        .onWrite(
                            3, // CreateQueue, Subscribe, then CreateSampleFindings
                            () ->
                                root.interruption()
                                    .interrupt(dev.irctl.ExitCode.INTERRUPTED, "SIGINT")));

    CliRun run =
        CliRun.run(
            aws,
            stopAtTheSample,
            "drill",
            "--region=eu-west-1",
            RULE,
            "--auto-approve",
            "--timeout=10m");

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(130);
    assertThat(run.err())
        .contains("Interrupted (SIGINT): starting no more writes")
        .contains("Drill interrupted: its queues and subscriptions were removed.");
    assertThat(run.out()).contains("eu-west-1  interrupted");
    assertThat(aws.alertPathFake().queuesIn("eu-west-1").names()).isEmpty();
    assertThat(aws.alertPathFake().subscriptionsIn("eu-west-1").all())
        .singleElement()
        .satisfies(s -> assertThat(s.endpoint()).isEqualTo("soc@example.com"));
    assertThat(aws.log().writes())
        .filteredOn(w -> w.contains("guardduty:CreateSampleFindings"))
        .hasSize(1);
  }

  @Test
  void aRegionThatFailsToRunIsExitThreeAndTheOtherStillDelivers() {
    twoHealthyRegions();
    aws.alertPathFake().deliverAfter("us-east-1", Duration.ofSeconds(5));
    aws.alertPathFake().sampleFindingsIn("eu-west-1").withoutDetector();

    CliRun run = CliRun.run(aws, setup(null), "drill", REGIONS, RULE, "--auto-approve");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out())
        .contains("eu-west-1  failed: GuardDuty has no detector in eu-west-1")
        .contains("us-east-1  delivered after 5 s");
  }

  @Test
  void aBadTimeoutIsAUsageErrorBeforeAnyCall() {
    CliRun run =
        CliRun.run(aws, setup(null), "drill", REGIONS, "--auto-approve", "--timeout", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--timeout soon");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void printPolicyGivesDrillItsScopedWritesAndDoctorOnlyReads() throws Exception {
    JsonNode drill = Json.mapper().readTree(CliRun.run("print-policy", "--command", "drill").out());
    JsonNode doctor =
        Json.mapper().readTree(CliRun.run("print-policy", "--command", "doctor").out());

    String drillText = drill.toString();
    assertThat(drillText)
        .contains(
            "guardduty:CreateSampleFindings",
            "sqs:CreateQueue",
            "arn:aws:sqs:*:*:irctl-drill-*",
            "sns:Subscribe",
            "sns:Unsubscribe",
            "events:TestEventPattern")
        .doesNotContain("events:PutRule", "sns:CreateTopic");
    assertThat(doctor.toString())
        .contains(
            "cloudwatch:GetMetricData",
            "cloudtrail:GetEventSelectors",
            "sns:ListSubscriptionsByTopic",
            "kms:GetKeyPolicy")
        .doesNotContain("sns:Subscribe", "events:PutRule", "sqs:");
  }
}
