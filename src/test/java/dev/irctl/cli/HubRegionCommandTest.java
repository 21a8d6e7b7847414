package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.fakes.FakePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --hub-region through the CLI, and the --event-bus that can no longer silence every rule. */
class HubRegionCommandTest {
  private static final String HONEY = "--set=bucketNames=corp-backups-honey";
  private final FakePorts aws = new FakePorts();

  @Test
  void applyRulesWithAHubForwardsFromTheOtherRegionsAndASecondRunWritesNothing() {
    String[] args = {
      "apply-rules",
      "--auto-approve",
      "--region",
      "eu-west-1,us-east-1",
      "--hub-region",
      "eu-west-1",
      HONEY,
      "--subscribe",
      "email:soc@example.com"
    };
    CliRun run = CliRun.run(aws, args);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .hasSize(45)
        .contains("irctl-iam-mfa-deactivated");
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .isNotEmpty()
        .allMatch(n -> n.startsWith("irctl-forward-"));
    String forwarder = aws.eventBridgeIn("us-east-1").ruleNames("default").get(0);
    RuleTarget target =
        aws.eventBridgeIn("us-east-1")
            .rule("default", forwarder)
            .orElseThrow()
            .targets()
            .get(RuleTarget.HUB_TARGET_ID);
    assertThat(target.arn()).isEqualTo("arn:aws:events:eu-west-1:111122223333:event-bus/default");
    assertThat(aws.snsIn("us-east-1").topic("irctl-alerts")).isEmpty();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    // The tamper path's log group and alarm go where the watching rules are: the hub only.
    assertThat(aws.log().writes()).anyMatch(c -> c.startsWith("eu-west-1 logs:"));
    assertThat(aws.log().calls())
        .noneMatch(c -> c.startsWith("us-east-1 logs:"))
        .noneMatch(c -> c.startsWith("us-east-1 cloudwatch:PutMetricAlarm"));

    CliRun.rerunWritesNothing(aws, args);
  }

  @Test
  void aNarrowedRunKeepsForwardingTheEventsOfTheHubsOtherRules() {
    assertThat(hubApply().exitCode()).isZero();
    var forwarders = forwarderPatterns();
    aws.log().clear();

    // One rule of one category: the hub's other rules still need the other regions' events.
    CliRun narrowed = hubApply("--category", "iam", "--rule", "iam-mfa-deactivated");

    assertThat(narrowed.exitCode()).as(narrowed.err()).isZero();
    assertThat(aws.log().writes()).noneMatch(c -> c.startsWith("us-east-1 "));
    assertThat(forwarderPatterns()).isEqualTo(forwarders);
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default")).hasSize(45);
  }

  /** us-east-1's forwarders, by name, with their patterns. */
  private java.util.Map<String, java.util.Optional<String>> forwarderPatterns() {
    java.util.Map<String, java.util.Optional<String>> patterns = new java.util.TreeMap<>();
    for (String name : aws.eventBridgeIn("us-east-1").ruleNames("default")) {
      patterns.put(
          name,
          aws.eventBridgeIn("us-east-1").rule("default", name).orElseThrow().rule().eventPattern());
    }
    return patterns;
  }

  /** {@code command} with the hub eu-west-1 over eu-west-1 and us-east-1, plus {@code extra}. */
  private CliRun hub(String command, String... extra) {
    return CliRun.run(
        aws,
        java.util.List.of(
            command, "--region", "eu-west-1,us-east-1", "--hub-region", "eu-west-1", HONEY),
        extra);
  }

  private CliRun hubApply(String... extra) {
    return hub(
        "apply-rules",
        java.util.stream.Stream.concat(
                java.util.stream.Stream.of("--auto-approve"), java.util.stream.Stream.of(extra))
            .toArray(String[]::new));
  }

  private void applyHub() {
    CliRun run = hubApply();
    assertThat(run.exitCode()).as(run.err()).isZero();
    aws.log().clear();
  }

  /**
   * The regions of {@link #hub}'s apply: remove-rules given the same ones also takes back the
   * sign-in forwarders the apply carried to us-east-2, eu-north-1 and ap-southeast-2.
   */
  private static final String HUB_REGIONS = "eu-west-1,us-east-1";

  @Test
  void removeRulesDeletesTheForwarderRoleWithItsPolicyOnceNoForwarderIsLeft() {
    applyHub();
    aws.alertPathFake().rolesFake().attached(ForwarderRole.NAME, "arn:aws:iam::aws:policy/X");

    CliRun dry = CliRun.run(aws, "remove-rules", "--region", HUB_REGIONS, "--dry-run");
    assertThat(dry.exitCode()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("IAM role " + ForwarderRole.NAME);
    assertThat(aws.log().writes()).isEmpty();

    CliRun run = CliRun.run(aws, "remove-rules", "--region", HUB_REGIONS, "--auto-approve");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default")).isEmpty();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();
    // Inline policy deleted and managed policy detached before the role, after every forwarder.
    var writes = aws.log().writes();
    assertThat(writes)
        .containsSubsequence(
            "global iam:DeleteRolePolicy (write)",
            "global iam:DetachRolePolicy (write)",
            "global iam:DeleteRole (write)");
    assertThat(writes.indexOf("global iam:DeleteRolePolicy (write)"))
        .isGreaterThan(writes.lastIndexOf("us-east-1 events:DeleteRule (write)"));
    // Regions outside the run are read for forwarders, never written.
    assertThat(aws.log().calls()).contains("us-west-2 events:ListRules");
    assertThat(writes).noneMatch(c -> c.startsWith("us-west-2 "));
  }

  @Test
  void aForwarderWhoseRemovalFailedKeepsTheRoleUntilARerunRemovesBoth() {
    applyHub();
    aws.log()
        .fail(
            "us-east-1",
            "events:DeleteRule",
            dev.irctl.engine.port.AwsCallException.Kind.ACCESS_DENIED,
            "AccessDeniedException: not allowed");

    CliRun failed = CliRun.run(aws, "remove-rules", "--region", HUB_REGIONS, "--auto-approve");

    assertThat(failed.exitCode()).isNotZero();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    assertThat(failed.out() + failed.err())
        .contains("kept IAM role " + ForwarderRole.NAME)
        .contains("still there after remove-rules");

    aws.log().heal("us-east-1", "events:DeleteRule");
    CliRun again = CliRun.run(aws, "remove-rules", "--region", HUB_REGIONS, "--auto-approve");

    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();
  }

  @Test
  void removeRulesKeepsTheRoleWhileAForwarderOutsideTheRunStillUsesIt() {
    applyHub();

    CliRun run = CliRun.run(aws, "remove-rules", "--region", "eu-west-1", "--auto-approve");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    assertThat(run.out() + run.err())
        .contains("kept IAM role " + ForwarderRole.NAME)
        .contains("us-east-1: irctl-forward-");
    assertThat(aws.log().writes()).noneMatch(c -> c.contains("iam:"));
  }

  @Test
  void removeRulesLeavesAForwarderRoleIrctlDidNotTagAlone() {
    aws.alertPathFake()
        .rolesFake()
        .existing(ForwarderRole.NAME, "{}", java.util.Map.of("owner", "someone"));

    CliRun run = CliRun.run(aws, "remove-rules", "--region", "eu-west-1", "--auto-approve");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    assertThat(run.out() + run.err()).contains("not tagged managed-by=irctl");
    assertThat(aws.log().writes()).noneMatch(c -> c.contains("iam:"));
  }

  private CliRun hubStatus(String... extra) {
    return hub("status", extra);
  }

  @Test
  void statusChecksTheForwarderRoleItsTrustAndItsPermissionOnTheHubBus() throws Exception {
    applyHub();
    assertThat(hubStatus().out()).contains("forwarder role irctl-event-forwarder: ok");

    var roles = aws.alertPathFake().rolesFake();
    roles.updateTrustPolicy(
        ForwarderRole.NAME, ForwarderRole.trustPolicy("999988887777").toString());
    roles.putRolePolicy(
        ForwarderRole.NAME,
        ForwarderRole.POLICY_NAME,
        ForwarderRole.permissionPolicy("arn:aws:events:us-east-1:111122223333:event-bus/default")
            .toString());
    aws.log().clear();
    CliRun drifted = hubStatus();

    assertThat(drifted.out())
        .contains("forwarder role irctl-event-forwarder: trust policy differs")
        .contains(
            "may not put events on the destination bus"
                + " arn:aws:events:eu-west-1:111122223333:event-bus/default")
        .contains("Run 'irctl plan'");
    assertThat(aws.log().writes()).isEmpty();
    JsonNode json = dev.irctl.render.Json.mapper().readTree(hubStatus("--output", "json").out());
    assertThat(json.path("forwarderRole").path("ok").asBoolean()).isFalse();
    assertThat(json.path("forwarderRole").path("problems")).hasSize(2);
  }

  @Test
  void statusSaysTheForwarderRoleIsMissing() {
    CliRun run = hubStatus();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("forwarder role irctl-event-forwarder: missing");
    // Nothing forwards (no hub, no sign-in rule carried anywhere): no role to report.
    assertThat(
            CliRun.run(aws, "status", "--region", "eu-west-1", "--rule", "iam-mfa-deactivated")
                .out())
        .doesNotContain("forwarder role");
  }

  /** What EventBridge delivers for an input transformer: each path's value put in the template. */
  private static String delivered(dev.irctl.engine.port.InputTransformer t, JsonNode event)
      throws Exception {
    String text = t.inputTemplate();
    for (var path : t.inputPaths().entrySet()) {
      JsonNode value = event;
      for (String key : path.getValue().substring(2).split("\\.")) {
        value = value.path(key);
      }
      text = text.replace("<" + path.getKey() + ">", value.asText(""));
    }
    return dev.irctl.render.Json.mapper().readTree(text).asText();
  }

  @Test
  void theReadableMessageOfAForwardedEventNamesTheRegionItCameFrom() throws Exception {
    CliRun run = hubApply("--message-format", "readable");
    assertThat(run.exitCode()).as(run.err()).isZero();
    // A forwarded event keeps its envelope: the IAM call made in us-east-1 arrives in the hub.
    JsonNode forwarded =
        dev.irctl.render.Json.mapper()
            .readTree(
                "{\"source\":\"aws.iam\",\"detail-type\":\"AWS API Call via CloudTrail\","
                    + "\"account\":\"111122223333\",\"region\":\"us-east-1\","
                    + "\"time\":\"2026-03-01T12:00:00Z\",\"detail\":{\"eventName\":"
                    + "\"DeactivateMFADevice\",\"userIdentity\":{\"arn\":\"arn:aws:iam::"
                    + "111122223333:user/mallory\"},\"sourceIPAddress\":\"203.0.113.7\"}}");
    RuleTarget hubTarget =
        aws.eventBridgeIn("eu-west-1")
            .rule("default", "irctl-iam-mfa-deactivated")
            .orElseThrow()
            .targets()
            .get(RuleTarget.IRCTL_TARGET_ID);

    String message = delivered(hubTarget.transformer().orElseThrow(), forwarded);

    assertThat(message)
        .contains("Region: us-east-1")
        .contains("Event: DeactivateMFADevice")
        .contains("Rule: irctl-iam-mfa-deactivated");
    String local =
        delivered(
            hubTarget.transformer().get(),
            ((com.fasterxml.jackson.databind.node.ObjectNode) forwarded.deepCopy())
                .put("region", "eu-west-1"));
    assertThat(local).contains("Region: eu-west-1");
    // The forwarder passes the event on unmodified, or the hub rules could not match it.
    String forwarder = aws.eventBridgeIn("us-east-1").ruleNames("default").get(0);
    assertThat(
            aws.eventBridgeIn("us-east-1")
                .rule("default", forwarder)
                .orElseThrow()
                .targets()
                .get(RuleTarget.HUB_TARGET_ID)
                .transformer())
        .isEmpty();
  }

  @Test
  void signInRegionsThatWereNotChosenForwardTheirSignInsToTheHub() {
    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "eu-west-1",
            "--hub-region",
            "eu-west-1",
            HONEY);

    assertThat(run.exitCode()).as(run.err()).isZero();
    // us-east-1 also carries root-account-usage, which matches root calls of any source.
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .isNotEmpty()
        .allMatch(n -> n.startsWith("irctl-forward-"));
    assertThat(aws.snsIn("us-east-1").topic("irctl-alerts")).isEmpty();
    for (String region : List.of("us-east-2", "eu-north-1", "ap-southeast-2")) {
      assertThat(aws.eventBridgeIn(region).ruleNames("default"))
          .as(region)
          .containsExactly("irctl-forward-aws.signin");
      assertThat(
              aws.eventBridgeIn(region)
                  .rule("default", "irctl-forward-aws.signin")
                  .orElseThrow()
                  .targets()
                  .get(RuleTarget.HUB_TARGET_ID)
                  .arn())
          .isEqualTo("arn:aws:events:eu-west-1:111122223333:event-bus/default");
      assertThat(aws.snsIn(region).topic("irctl-alerts")).as(region).isEmpty();
    }
    assertThat(aws.eventBridgeIn("us-west-2").ruleNames("default")).isEmpty();
    assertThat(run.out())
        .contains("forwarded to the hub region eu-west-1")
        .contains("AWS records console sign-ins on the global endpoint in");
  }

  @Test
  void aHubOutsideTheSelectedRegionsIsAUsageErrorBeforeAnyWrite() {
    CliRun run =
        CliRun.run(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "us-east-1",
            "--hub-region",
            "eu-west-1",
            HONEY);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--hub-region eu-west-1 is not among the selected regions");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void eventBusCanNoLongerPutRulesWhereAwsEventsNeverArrive() {
    CliRun.refused(
            aws,
            "apply-rules",
            "--auto-approve",
            "--region",
            "eu-west-1",
            "--event-bus",
            "x",
            HONEY)
        .contains("only to the account's default event bus");
  }

  @Test
  void theEventBusKeyInIrctlYamlIsRefusedToo(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("irctl.yaml");
    Files.writeString(
        config,
        "regions: [eu-west-1]\nrules:\n  eventBus: security\n  parameters:\n    bucketNames: [h]\n");

    CliRun.refused(aws, "plan", "--config", config.toString())
        .contains("rules.eventBus")
        .contains("default event bus");
  }

  @Test
  void theHubRegionKeyInIrctlYamlDrivesPlan(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("irctl.yaml");
    Files.writeString(
        config,
        "regions: [eu-west-1, ap-southeast-2]\nalerts:\n  hubRegion: eu-west-1\n"
            + "rules:\n  parameters:\n    bucketNames: [h]\n");

    CliRun run = CliRun.run(aws, "plan", "--config", config.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("irctl-forward-").contains(ForwarderRole.NAME);
    assertThat(aws.log().writes()).isEmpty();
  }
}
