package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.rules.SnsTopicPolicy;
import dev.irctl.fakes.FakeEventBridge;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import dev.irctl.render.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplyRulesCommandTest {
  private static final String HONEY = "--set=bucketNames=corp-backups-honey";
  private final FakePorts aws = new FakePorts();

  @Test
  void deploysEveryCatalogRuleWithTopicAndPolicyInEveryRegion() throws Exception {
    CliRun run = CliRun.run(aws, "apply-rules", "--auto-approve", "--all-regions", HONEY);

    assertThat(run.exitCode()).as(run.err()).isZero();
    FakeEventBridge useast1 = aws.eventBridgeIn("us-east-1");
    assertThat(useast1.ruleNames("default")).hasSize(45).allMatch(n -> n.startsWith("irctl-"));
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .hasSize(38)
        .doesNotContain("irctl-iam-mfa-deactivated", "irctl-cis-organizations-changes");
    FakeEventBridge.StoredRule rootUsage =
        useast1.rule("default", "irctl-cis-root-account-usage").orElseThrow();
    assertThat(rootUsage.rule().state()).isEqualTo("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");
    assertThat(rootUsage.tags())
        .containsEntry("managed-by", "irctl")
        .containsEntry("irctl:rule-id", "cis-root-account-usage")
        .containsKey("irctl:catalog-version");
    assertThat(rootUsage.targets().get(RuleTarget.IRCTL_TARGET_ID).arn())
        .isEqualTo(aws.snsIn("us-east-1").arnOf("irctl-alerts"));
    var topic = aws.snsIn("eu-west-1").topic("irctl-alerts").orElseThrow();
    assertThat(topic.tags()).containsEntry("managed-by", "irctl");
    JsonNode statement =
        Json.mapper().readTree(topic.attributes().get("Policy")).get("Statement").get(0);
    assertThat(statement.get("Sid").asText()).isEqualTo(SnsTopicPolicy.SID);
    assertThat(statement.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
    assertThat(statement.at("/Condition/ArnLike/aws:SourceArn").asText())
        .isEqualTo("arn:aws:events:eu-west-1:" + FakePorts.ACCOUNT + ":rule/irctl-*");
    assertThat(run.out())
        .contains("in 16 regions: ap-northeast-1")
        .contains("rules      applied  39 added")
        .contains("target irctl-sns: (none) -> arn:aws:sns:<region>:111122223333:irctl-alerts")
        .endsWith("destroyed (" + aws.log().writes().size() + " write calls).\n");
  }

  @Test
  void oneChosenRegionAlsoGetsTheSignInRulesWhereAwsRecordsConsoleSignInsAndNothingElseThere() {
    // An irctl rule of an earlier run in us-east-2 that this run does not select: left alone.
    CliRun.run(
        aws,
        "apply-rules",
        "--auto-approve",
        "--region",
        "us-east-2",
        "--rule",
        "cloudtrail-tampering");
    aws.log().clear();
    String[] args = {
      "apply-rules",
      "--auto-approve",
      "--region",
      "eu-west-1",
      "--prune",
      HONEY,
      "--subscribe",
      "email:soc@example.com"
    };

    CliRun run = CliRun.run(aws, args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    // The sign-in regions forward the sign-in events to eu-west-1, the region the user chose,
    // whose rules alert to its topic: no topic and no confirmation mail where they did not choose.
    // us-east-2, which the earlier run chose, keeps alerting to its own topic (with no subscription
    // from this run); forwarding it would undo that run.
    assertThat(aws.eventBridgeIn("us-east-2").ruleNames("default"))
        .containsExactlyInAnyOrder(
            "irctl-cloudtrail-tampering",
            "irctl-cis-console-auth-failures",
            "irctl-cis-console-signin-without-mfa");
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .isNotEmpty()
        .allMatch(n -> n.startsWith("irctl-forward-"));
    assertThat(aws.eventBridgeIn("ap-southeast-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
    assertThat(aws.eventBridgeIn("eu-north-1").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
    assertThat(aws.eventBridgeIn("us-west-2").ruleNames("default")).isEmpty();
    RuleTarget target =
        aws.eventBridgeIn("eu-north-1")
            .rule("default", "irctl-forward-aws.signin")
            .orElseThrow()
            .targets()
            .get(RuleTarget.HUB_TARGET_ID);
    assertThat(target.arn()).isEqualTo("arn:aws:events:eu-west-1:111122223333:event-bus/default");
    assertThat(target.roleArn()).contains("arn:aws:iam::111122223333:role/" + ForwarderRole.NAME);
    assertThat(aws.forwarderRolePolicy())
        .get()
        .asString()
        .contains("arn:aws:events:eu-west-1:111122223333:event-bus/default");
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .contains("irctl-cis-console-auth-failures", "irctl-cis-console-signin-without-mfa");
    for (String region : List.of("us-east-1", "eu-north-1", "ap-southeast-2")) {
      assertThat(aws.snsIn(region).topic("irctl-alerts")).as(region).isEmpty();
    }
    assertThat(aws.log().writes())
        .filteredOn(c -> c.contains("sns:Subscribe"))
        .singleElement()
        .asString()
        .startsWith("eu-west-1 ");
    assertThat(run.out())
        .contains(
            "note: not a chosen region: AWS records console sign-ins on the global endpoint in")
        .contains("forwarded to the chosen region eu-west-1 to alert through its topic")
        .contains("Other irctl rules in this region are left alone.")
        .doesNotContain("orphaned rule irctl-cloudtrail-tampering");
    assertThat(run.err()).doesNotContain("sign-in rule(s)");
    assertThat(aws.log().writes()).noneMatch(c -> c.contains("DeleteRule"));

    CliRun.rerunWritesNothing(aws, args);
  }

  @Test
  void aSignInRegionThatAnEarlierRunGaveATopicForwardsNowAndKeepsTheTopicSayingSo() {
    // What an irctl without forwarding left: the sign-in rules alerting to a topic in us-east-2.
    CliRun.run(
        aws,
        "apply-rules",
        "--auto-approve",
        "--region",
        "us-east-2",
        "--rule",
        "cis-console-auth-failures");
    assertThat(aws.snsIn("us-east-2").topic("irctl-alerts")).isPresent();
    aws.log().clear();

    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "eu-west-1",
            "--rule",
            "cis-console-auth-failures");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("us-east-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
    assertThat(run.out())
        .contains(
            "- delete rule irctl-cis-console-auth-failures (replaced by the forwarders to"
                + " eu-west-1, whose topic alerts)");
    assertThat(run.out() + run.err())
        .contains("kept the topic arn:aws:sns:us-east-2:111122223333:irctl-alerts")
        .contains("delete it when nothing does");
    assertThat(aws.snsIn("us-east-2").topic("irctl-alerts")).isPresent();
  }

  @Test
  void noForwarderRoleWhenEverySignInRegionAlertsToTheTopicOfTheRunThatChoseIt() {
    // A first run chose every sign-in region: each alerts to its own topic.
    CliRun.run(
        aws,
        "apply-rules",
        "--auto-approve",
        "--region",
        "us-east-1,us-east-2,eu-north-1,ap-southeast-2",
        "--rule",
        "cis-console-auth-failures",
        "--rule",
        "cloudtrail-tampering");
    aws.log().clear();
    String[] args = {"apply-rules", "--region", "eu-west-1", "--rule", "cis-console-auth-failures"};

    CliRun plan = CliRun.run(aws, CliRun.line(String.join(" ", args), "--dry-run"));

    assertThat(plan.exitCode()).as(plan.err()).isZero();
    assertThat(plan.out())
        .contains("This region was chosen by another run")
        .doesNotContain("IAM role " + ForwarderRole.NAME)
        .doesNotContain("irctl-forward-");
    assertThat(aws.log().writes()).isEmpty();

    CliRun apply = CliRun.run(aws, CliRun.line(String.join(" ", args), "--auto-approve"));

    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();
    assertThat(aws.log().writes()).noneMatch(c -> c.contains("iam:"));
    aws.log().clear();

    CliRun again = CliRun.run(aws, CliRun.line(String.join(" ", args), "--auto-approve"));

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    // status compares the same way: no forwarder role to report missing.
    CliRun status =
        CliRun.run(aws, "status", "--region", "eu-west-1", "--rule", "cis-console-auth-failures");
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).doesNotContain("forwarder role").doesNotContain("forwards to");
  }

  @Test
  void theTopicTamperingRuleWatchesTheTopicNamedByTopicName() throws Exception {
    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "eu-west-1",
            "--topic-name",
            "soc-alerts",
            "--rule",
            "sns-irctl-topic-tampering");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String pattern =
        aws.eventBridgeIn("eu-west-1")
            .rule("default", "irctl-sns-irctl-topic-tampering")
            .orElseThrow()
            .rule()
            .eventPattern()
            .orElseThrow();
    software.amazon.event.ruler.Machine machine = new software.amazon.event.ruler.Machine();
    machine.addRule("r", pattern);
    assertThat(machine.rulesForJSONEvent(deleteTopic("soc-alerts"))).containsExactly("r");
    assertThat(machine.rulesForJSONEvent(deleteTopic("irctl-alerts"))).isEmpty();
    assertThat(machine.rulesForJSONEvent(deleteTopic("soc-alerts-old"))).isEmpty();
  }

  private static String deleteTopic(String topic) {
    var event =
        dev.irctl.catalog.CloudTrailEnvelope.wrap(
            dev.irctl.render.Json.mapper()
                .createObjectNode()
                .put("eventSource", "sns.amazonaws.com")
                .put("eventName", "DeleteTopic")
                .put("eventType", "AwsApiCall")
                .put("awsRegion", "eu-west-1")
                .put("readOnly", false));
    ((com.fasterxml.jackson.databind.node.ObjectNode) event.path("detail"))
        .putObject("requestParameters")
        .put("topicArn", "arn:aws:sns:eu-west-1:" + FakePorts.ACCOUNT + ":" + topic);
    return event.toString();
  }

  @Test
  void secondRunMakesNoWriteCalls() {
    String[] args = {
      "apply-rules",
      "--auto-approve",
      "--all-regions",
      HONEY,
      "--subscribe",
      "email:soc@example.com"
    };
    CliRun.run(aws, args);
    aws.log().clear();

    CliRun second = CliRun.run(aws, args);

    assertThat(second.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(second.out())
        .contains("no changes in 16 regions: ap-northeast-1")
        .contains("us-east-1\n  rules      in sync  45 in sync  arn:aws:sns:us-east-1:")
        .contains("    subscription pending confirmation: email:soc@example.com")
        .contains("Apply: 0 added, 0 changed, 0 destroyed (0 write calls).");
  }

  /** Each refusal names the flag to fix, exit 2, before any AWS call. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "--region us-east-1 --rule s3-honey-bucket-access"
            + " | rule s3-honey-bucket-access needs parameter bucketNames"
            + " | --set bucketNames= | --exclude s3-honey-bucket-access",
        "--auto-approve --region us-east-1 --set=bucketNames=corp-backups-honey --subscribe email:not-an-address"
            + " | --subscribe 'email:not-an-address' is not valid | email:not-an-address"
            + " | --subscribe",
        "--auto-approve --region us-east-1 --rule no-such-rule"
            + " | --rule no-such-rule | no-such-rule | --rule",
        "--region eu-west-1 --topic-name soc-alerts --set topicName=other"
            + " | --set topicName=other differs from the alert topic soc-alerts | soc-alerts"
            + " | topicName=other"
      })
  void aBadFlagIsRefusedNamingIt(String flags, String message, String also, String flag) {
    CliRun.refused(aws, CliRun.line("apply-rules", flags))
        .contains(message)
        .contains(also)
        .contains(flag);
  }

  @Test
  void globalRulesAreSkippedWithAMessageWhenUsEast1IsNotChosen() {
    CliRun run =
        CliRun.run(
            aws, "apply-rules", "--auto-approve", "--region", "eu-west-1", "--category", "iam");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .containsExactlyInAnyOrder("irctl-sso-permission-changes", "irctl-sts-assume-root");
    assertThat(run.err())
        .contains(
            "skipped 5 global rule(s) (iam-access-key-changes, iam-credential-persistence,"
                + " iam-mfa-deactivated, iam-permission-changes, iam-root-access-key-created)");
  }

  @Test
  void dryRunPrintsPatternAndPolicyDiffsAndWritesNothing() {
    inUsEast1("--rule", "ec2-instance-terminated");
    aws.eventBridgeIn("us-east-1")
        .existing(
            "default",
            "irctl-ec2-instance-terminated",
            "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"EC2 Instance State-change Notification\"],\"detail\":{\"state\":[\"stopped\"]}}",
            "ENABLED",
            Map.of(
                "managed-by",
                "irctl",
                "irctl:rule-id",
                "ec2-instance-terminated",
                "irctl:catalog-version",
                "2026.12.2"),
            List.of(
                RuleTarget.of(
                    "irctl-sns",
                    aws.snsIn("us-east-1").arnOf("irctl-alerts"),
                    java.util.Optional.empty())));
    aws.snsIn("us-east-1").existing("irctl-alerts", null, Map.of("managed-by", "irctl"));
    aws.log().clear();

    CliRun run = inUsEast1("--rule", "ec2-instance-terminated", "--dry-run");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out())
        .contains("~ update rule irctl-ec2-instance-terminated (rule differs)")
        .contains("eventPattern.detail.state: [\"stopped\"] -> [\"terminated\"]")
        .contains("~ update topic policy")
        .contains(
            "policy statement irctl-eventbridge-publish: (none) -> {\"Sid\":\"irctl-eventbridge-publish\"");
    assertThat(run.out())
        .contains("rules      pending  2 to change")
        .endsWith("Plan: 0 to add, 2 to change, 0 to destroy\n");
  }

  @Test
  void aFailingRegionDoesNotStopTheOthersAndExitsThree() {
    aws.log()
        .fail(
            "eu-west-1",
            "events:PutRule",
            AwsCallException.Kind.ACCESS_DENIED,
            "User is not authorized");

    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "us-east-1,eu-west-1",
            "--category",
            "guardduty");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default")).hasSize(2);
    assertThat(run.out()).contains("eu-west-1").contains("failed").contains("events:PutRule");
  }

  @Test
  void jsonOutputListsChangesPerRegion() throws Exception {
    CliRun run = inUsEast1("--rule", "ec2-instance-terminated", "--output", "json");

    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("command").asText()).isEqualTo("apply-rules");
    JsonNode region = json.get("results").get(0);
    assertThat(region.get("status").asText()).isEqualTo("APPLIED");
    assertThat(region.get("writes").asInt()).isEqualTo(3);
    assertThat(json.at("/summary/writes").asInt()).isEqualTo(3);
  }

  @Test
  void everyEnabledRegionIsCovered() {
    CliRun.run(
        aws, "apply-rules", "--auto-approve", "--all-regions", "--rule", "ec2-instance-terminated");
    for (String region : FakeRegionDirectory.DEFAULT_REGIONS) {
      assertThat(aws.eventBridgeIn(region).ruleNames("default"))
          .containsExactly("irctl-ec2-instance-terminated");
    }
  }

  @Test
  void aKmsKeyEventBridgeMayNotUseIsSetAndWarnedAbout() {
    aws.kmsIn("us-east-1")
        .key(
            "alias/alerts",
            false,
            "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\"}]}");

    CliRun run = inUsEast1("--rule", "ec2-instance-terminated", "--kms-key", "alias/alerts");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.snsIn("us-east-1").topic("irctl-alerts").orElseThrow().attributes())
        .containsEntry("KmsMasterKeyId", "alias/alerts");
    assertThat(run.out())
        .contains("does not let events.amazonaws.com use kms:Decrypt and kms:GenerateDataKey*");
  }

  @Test
  void anUnknownKmsKeyFailsTheRegionBeforeAnyWrite() {
    CliRun run = inUsEast1("--rule", "ec2-instance-terminated", "--kms-key", "alias/nope");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out()).contains("--kms-key alias/nope was not found");
  }

  /** apply-rules --auto-approve in us-east-1 with these further arguments. */
  private CliRun inUsEast1(String... args) {
    return CliRun.run(aws, List.of("apply-rules", "--auto-approve", "--region", "us-east-1"), args);
  }
}
