package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemoveRulesCommandTest {
  private final FakePorts aws = new FakePorts();

  @Test
  void removesWhatApplyRulesCreatedAndTheTopicOnlyWithTheFlag() {
    CliRun.run(
        aws,
        "apply-rules",
        "--auto-approve",
        "--region",
        "us-east-1,eu-west-1",
        "--category",
        "guardduty");
    aws.eventBridgeIn("eu-west-1")
        .existing(
            "default", "irctl-mine", "{\"source\":[\"aws.s3\"]}", "ENABLED", Map.of(), List.of());
    aws.log().clear();

    CliRun dry = removeRules("--region", "us-east-1,eu-west-1", "--delete-topic", "--dry-run");
    assertThat(dry.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(dry.out())
        .contains("- delete rule irctl-guardduty-finding-high-and-up")
        .contains("- delete topic arn:aws:sns:<region>:")
        .endsWith(" to destroy\n")
        .doesNotContain("\"topicArn\": \"\"");

    CliRun run = removeRules("--region", "us-east-1,eu-west-1", "--delete-topic");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default")).isEmpty();
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default")).containsExactly("irctl-mine");
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isEmpty();
    assertThat(run.out()).contains("destroyed (10 write calls).");
  }

  @Test
  void aTopicWhoseOnlySubscriptionsAreTheNamedOnesIsDeletedAndAnyOtherKeepsIt() {
    String[] apply = {
      "apply-rules",
      "--auto-approve",
      "--region",
      "us-east-1,eu-west-1",
      "--category",
      "guardduty",
      "--subscribe",
      "email:soc@example.com"
    };
    CliRun.run(aws, apply);
    aws.snsIn("eu-west-1")
        .subscribe(
            aws.snsIn("eu-west-1").arnOf("irctl-alerts"),
            "sqs",
            "arn:aws:sqs:eu-west-1:111122223333:team-x");

    CliRun unnamed = removeRules("--region", "us-east-1", "--delete-topic", "--dry-run");
    assertThat(unnamed.out())
        .contains("subscriptions irctl did not make (email:soc@example.com)")
        .doesNotContain("delete topic");

    CliRun run =
        removeRules(
            "--region",
            "us-east-1,eu-west-1",
            "--delete-topic",
            "--subscribe",
            "email:soc@example.com");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.snsIn("us-east-1").topic("irctl-alerts")).isEmpty();
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isPresent();
    assertThat(run.out())
        .contains(
            "subscriptions irctl did not make (sqs:arn:aws:sqs:eu-west-1:111122223333:team-x)")
        .doesNotContain("email:soc@example.com)");
  }

  @Test
  void aBadSubscriptionIsAUsageErrorBeforeAnyCall() {
    CliRun.refused(
            aws, "remove-rules", "--auto-approve", "--region", "us-east-1", "--subscribe", "x")
        .contains("--subscribe 'x' is not valid");
  }

  @Test
  void aBadTopicNameIsAUsageError() {
    CliRun.refused(
            aws,
            "remove-rules",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--topic-name",
            "alerts.fifo")
        .contains("--topic-name 'alerts.fifo'");
  }

  /** The regions AWS records console sign-ins in, besides the chosen eu-west-1. */
  private static final List<String> SIGN_IN_REGIONS =
      List.of("us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2");

  @Test
  void removingWithTheRegionsAnApplyChoseAlsoTakesBackTheSignInRulesItCarried() {
    CliRun apply = CliRun.run(aws, "apply-rules", "--auto-approve", "--region", "eu-west-1");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    // Without a hub the carried sign-in rules forward to eu-west-1 through the forwarder role.
    assertThat(aws.eventBridgeIn("us-east-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .isNotEmpty()
        .allMatch(n -> n.startsWith("irctl-forward-"));
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();

    CliRun run = removeRules("--region", "eu-west-1", "--delete-topic");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default")).isEmpty();
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isEmpty();
    for (String region : SIGN_IN_REGIONS) {
      assertThat(aws.eventBridgeIn(region).ruleNames("default")).as(region).isEmpty();
      assertThat(aws.snsIn(region).topic("irctl-alerts")).as(region).isEmpty();
    }
    assertThat(run.out() + run.err())
        .contains(
            "not a chosen region: AWS records console sign-ins on the global endpoint in <region>")
        .contains("in 3 regions: ap-southeast-2, eu-north-1, us-east-2")
        .contains("remove-rules removes only those (cis-console-auth-failures,");
    // No forwarder is left in any region: the role they used goes too.
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();
  }

  @Test
  void aRegionAnEarlierRunChoseKeepsItsOtherRulesAndTheTopicTheyAlertTo() {
    CliRun first = CliRun.run(aws, "apply-rules", "--auto-approve", "--region", "us-east-2");
    assertThat(first.exitCode()).as(first.err()).isZero();
    List<String> chosenThere = aws.eventBridgeIn("us-east-2").ruleNames("default");
    CliRun second = CliRun.run(aws, "apply-rules", "--auto-approve", "--region", "eu-west-1");
    assertThat(second.exitCode()).as(second.err()).isZero();
    aws.log().clear();

    CliRun run = removeRules("--region", "eu-west-1", "--delete-topic");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("us-east-2").ruleNames("default"))
        .doesNotContain("irctl-forward-aws.signin")
        .hasSize(chosenThere.size() - 2)
        .isSubsetOf(chosenThere)
        .doesNotContain("irctl-cis-console-auth-failures", "irctl-cis-console-signin-without-mfa");
    assertThat(aws.snsIn("us-east-2").topic("irctl-alerts")).isPresent();
    assertThat(aws.log().writes())
        .noneMatch(c -> c.startsWith("us-east-2 sns:"))
        .filteredOn(c -> c.startsWith("us-east-2 "))
        .allMatch(c -> c.contains("events:RemoveTargets") || c.contains("events:DeleteRule"));
    assertThat(run.out() + run.err())
        .contains("kept topic arn:aws:sns:us-east-2:111122223333:irctl-alerts");
    assertThat(aws.eventBridgeIn("eu-north-1").ruleNames("default")).isEmpty();
  }

  private CliRun removeRules(String... flags) {
    return CliRun.run(aws, List.of("remove-rules", "--auto-approve"), flags);
  }
}
