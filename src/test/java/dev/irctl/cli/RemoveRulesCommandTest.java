package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

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

    CliRun dry =
        CliRun.run(
            aws,
            "remove-rules",
            "--auto-approve",
            "--region",
            "us-east-1,eu-west-1",
            "--delete-topic",
            "--dry-run");
    assertThat(dry.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(dry.out())
        .contains("- delete rule irctl-guardduty-finding-high-and-up")
        .contains("- delete topic arn:aws:sns:<region>:")
        .endsWith(" to destroy\n")
        .doesNotContain("\"topicArn\": \"\"");

    CliRun run =
        CliRun.run(
            aws,
            "remove-rules",
            "--auto-approve",
            "--region",
            "us-east-1,eu-west-1",
            "--delete-topic");

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

    CliRun unnamed =
        CliRun.run(
            aws,
            "remove-rules",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--delete-topic",
            "--dry-run");
    assertThat(unnamed.out())
        .contains("subscriptions irctl did not make (email:soc@example.com)")
        .doesNotContain("delete topic");

    CliRun run =
        CliRun.run(
            aws,
            "remove-rules",
            "--auto-approve",
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
}
