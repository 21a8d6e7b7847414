package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.aws.CommandActions;
import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.Principal;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlanCommandTest {
  private static final String HONEY = "--set=bucketNames=corp-backups-honey";
  private static final String REGIONS = "--region=us-east-1,eu-west-1";
  private static final String POLICY_ARN = "arn:aws:iam::111122223333:policy/irctl-guardduty-admin";

  private final FakePorts aws = new FakePorts();

  @BeforeEach
  void principals() {
    aws.iamFake().existingPrincipal(Principal.role("responders"));
  }

  @Test
  void aFreshAccountPlansEveryPartPerRegionAndWritesNothing() {
    CliRun run =
        CliRun.run(aws, "plan", REGIONS, HONEY, "--role", "responders", "--detailed-exitcode");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out())
        .contains("eu-west-1\n  guardduty  pending  1 to add\n    + create detector (")
        .contains("+ create topic irctl-alerts (missing)")
        .contains("+ create rule irctl-cis-root-account-usage (missing)")
        .contains("rules      pending  39 to add  arn:aws:sns:eu-west-1:")
        .contains("rules      pending  46 to add  arn:aws:sns:us-east-1:")
        .contains("global\n  iam        pending  2 to add  " + POLICY_ARN)
        .contains("+ create policy")
        .contains("alert-path pending  3 to add")
        .contains("+ create log group /irctl/alert-path (missing)")
        .contains("+ create alarm irctl-alert-path-failed-invocations (missing)")
        .contains(
            "the same 1 change in 3 regions: ap-southeast-2, eu-north-1, us-east-2\n"
                + "  rules      pending  1 to add\n"
                + "    + create rule irctl-forward-aws.signin (missing)")
        .contains(
            "    note: not a chosen region: AWS records console sign-ins on the global endpoint in <region>")
        // The regions the sign-in rules are carried to forward to a chosen region: no topic there,
        // so no confirmation mail for a region the user never named.
        .contains("forwarded to the chosen region us-east-1 to alert through its topic")
        .contains(
            "target irctl-hub: (none) -> arn:aws:events:us-east-1:111122223333:event-bus/default")
        .doesNotContain("arn:aws:sns:us-east-2")
        .contains(
            "  forwarder-role pending  1 to add, 1 to change\n"
                + "    + create IAM role irctl-event-forwarder")
        .endsWith("Plan: 99 to add, 1 to change, 0 to destroy\n");
    assertThat(run.out().indexOf("eu-west-1\n")).isLessThan(run.out().indexOf("us-east-1\n"));
  }

  @Test
  void withoutDetailedExitcodeChangesPendingStillExitZero() {
    CliRun run = CliRun.run(aws, "plan", REGIONS, HONEY);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "iam        skipped: no principals named, so the IAM policy was not checked (--role, --group, --user");
  }

  @Test
  void applyThenPlanIsInSyncAndExitsZeroWithDetailedExitcode() {
    CliRun apply =
        CliRun.run(
            aws,
            "apply",
            "--auto-approve",
            REGIONS,
            HONEY,
            "--role",
            "responders",
            "--subscribe",
            "email:soc@example.com");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(aws.guardDutyIn("eu-west-1").detector())
        .hasValueSatisfying(d -> assertThat(d.enabled()).isTrue());
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default")).hasSize(45);
    assertThat(aws.iamFake().attachedTo(Principal.role("responders"))).containsExactly(POLICY_ARN);
    assertThat(apply.out()).contains("Apply: 101 added, 1 changed, 0 destroyed (");
    aws.log().clear();

    CliRun plan =
        CliRun.run(
            aws,
            "plan",
            REGIONS,
            HONEY,
            "--role",
            "responders",
            "--subscribe",
            "email:soc@example.com",
            "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.out() + plan.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(plan.out())
        .contains("  guardduty  in sync")
        .contains("  rules      in sync  45 in sync")
        .contains("  iam        in sync")
        .contains("No changes: everything is as asked in 5 regions.");
  }

  @Test
  void aSecondApplyMakesNoWriteCalls() {
    CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY, "--role", "responders");
    aws.log().clear();

    CliRun second =
        CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY, "--role", "responders");

    assertThat(second.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(second.out()).contains("Apply: 0 added, 0 changed, 0 destroyed (0 write calls).");
  }

  @Test
  void driftInGuardDutyAndARuleIsShownAsADiffAndExitsTwo() {
    CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY);
    aws.guardDutyIn("eu-west-1")
        .existing(
            new Detector(
                "d-eu",
                false,
                FindingFrequency.SIX_HOURS,
                Map.of(),
                Map.of("managed-by", "irctl")));
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
                "2026.11.0"),
            List.of(
                RuleTarget.of(
                    "irctl-sns", aws.snsIn("us-east-1").arnOf("irctl-alerts"), Optional.empty())));
    aws.log().clear();

    CliRun run = CliRun.run(aws, "plan", REGIONS, HONEY, "--detailed-exitcode");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out())
        .contains(
            "  guardduty  pending  1 to change\n    ~ update detector d-eu (detector is disabled)\n        status: DISABLED -> ENABLED")
        .contains("findingPublishingFrequency: SIX_HOURS -> FIFTEEN_MINUTES")
        .contains("~ update rule irctl-ec2-instance-terminated (rule differs")
        .contains("eventPattern.detail.state: [\"stopped\"] -> [\"terminated\"]")
        .endsWith("Plan: 0 to add, 2 to change, 0 to destroy\n");
  }

  @Test
  void oneFailingRegionIsAPartialFailureAndTheOtherIsPlanned() {
    aws.log()
        .fail("eu-west-1", "*", AwsCallException.Kind.ACCESS_DENIED, "not authorized in eu-west-1");

    CliRun run = CliRun.run(aws, "plan", REGIONS, HONEY, "--detailed-exitcode");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains("  guardduty  failed: ")
        .contains("not authorized in eu-west-1")
        .contains("us-east-1\n  guardduty  pending  1 to add")
        .contains("1 region failed (3 of 10 parts)");
  }

  @Test
  void everyPartFailingExitsOne() {
    aws.log().fail("eu-west-1", "*", AwsCallException.Kind.ACCESS_DENIED, "denied");
    aws.log().fail("us-east-1", "*", AwsCallException.Kind.ACCESS_DENIED, "denied");
    // the sign-in regions the rules part also runs in
    for (String region : List.of("us-east-2", "eu-north-1", "ap-southeast-2")) {
      aws.log().fail(region, "*", AwsCallException.Kind.ACCESS_DENIED, "denied");
    }
    // and the forwarder role their forwarders use (IAM is global)
    aws.log().fail("global", "*", AwsCallException.Kind.ACCESS_DENIED, "denied");

    CliRun run = CliRun.run(aws, "plan", REGIONS, HONEY, "--detailed-exitcode");

    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aMissingPrincipalFailsTheIamPartOnlyAsAPartialFailure() {
    CliRun run = CliRun.run(aws, "plan", REGIONS, HONEY, "--role", "nobody", "--detailed-exitcode");

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains("iam        failed: No IAM role named 'nobody'")
        .contains("us-east-1\n  guardduty  pending  1 to add");
  }

  @Test
  void aUsageErrorExitsOneUnderDetailedExitcodeSoTwoAlwaysMeansDrift() {
    String honey = "--rule=s3-honey-bucket-access";
    CliRun plain = CliRun.run(aws, "plan", REGIONS, honey);
    CliRun detailed = CliRun.run(aws, "plan", REGIONS, honey, "--detailed-exitcode");
    CliRun badFlag = CliRun.run(aws, "plan", "--detailed-exitcode", "--no-such-flag");

    assertThat(plain.exitCode()).isEqualTo(2);
    assertThat(detailed.exitCode()).isEqualTo(1);
    assertThat(detailed.err())
        .contains("rule s3-honey-bucket-access needs parameter bucketNames")
        .contains("--exclude s3-honey-bucket-access");
    assertThat(badFlag.exitCode()).isEqualTo(1);
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void jsonFollowsTheDocumentedSchema() throws Exception {
    CliRun run = CliRun.run(aws, "plan", REGIONS, HONEY, "--output", "json");

    JsonNode plan = Json.mapper().readTree(run.out());
    assertThat(plan.get("schemaVersion").asInt()).isEqualTo(2);
    assertThat(plan.get("command").asText()).isEqualTo("plan");
    assertThat(plan.get("inSync").asBoolean()).isFalse();
    assertThat(plan.at("/account/id").asText()).isEqualTo(FakePorts.ACCOUNT);
    JsonNode guardDuty = plan.at("/results/2");
    assertThat(guardDuty.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(guardDuty.get("part").asText()).isEqualTo("guardduty");
    assertThat(guardDuty.get("status").asText()).isEqualTo("PENDING");
    assertThat(guardDuty.at("/changes/0/action").asText()).isEqualTo("create");
    assertThat(guardDuty.at("/changes/0/resource").asText()).isEqualTo("detector");
    assertThat(guardDuty.at("/changes/0/diffs/0/field").asText()).isEqualTo("status");
    assertThat(guardDuty.at("/changes/0/diffs/0/after").asText()).isEqualTo("ENABLED");
    assertThat(guardDuty.get("error").isNull()).isTrue();
    JsonNode carried = plan.at("/results/0");
    assertThat(carried.get("region").asText()).isEqualTo("ap-southeast-2");
    assertThat(carried.get("part").asText()).isEqualTo("rules");
    assertThat(carried.get("changes")).hasSize(1);
    assertThat(carried.at("/notes/0").asText()).startsWith("not a chosen region: AWS records");
    JsonNode rules = plan.at("/results/3");
    assertThat(rules.get("part").asText()).isEqualTo("rules");
    assertThat(rules.get("status").asText()).isEqualTo("PENDING");
    assertThat(rules.at("/ids/topicArn").asText())
        .isEqualTo("arn:aws:sns:eu-west-1:111122223333:irctl-alerts");
    assertThat(rules.get("changes")).hasSize(39);
    assertThat(rules.at("/changes/1/diffs/0/after").isObject())
        .as("an event pattern is a JSON value, not a string holding JSON")
        .isTrue();
    assertThat(rules.get("orphans").isArray()).isTrue();
    JsonNode alertPath = plan.at("/results/4");
    assertThat(alertPath.get("part").asText()).isEqualTo("alert-path");
    assertThat(alertPath.get("changes")).hasSize(3);
    JsonNode iam = plan.at("/results/9");
    assertThat(iam.get("region").asText()).isEqualTo("global");
    assertThat(iam.get("status").asText()).isEqualTo("SKIPPED");
    assertThat(iam.at("/error/message").asText()).startsWith("no principals named");
    assertThat(plan.at("/summary/regions").asInt()).isEqualTo(5);
    assertThat(plan.at("/summary/regionsWithChanges").asInt()).isEqualTo(5);
    assertThat(plan.at("/summary/changes").asInt()).isEqualTo(3 * 1 + 1 + 39 + 3 + 1 + 46 + 3 + 2);
    assertThat(plan.at("/summary/failedParts").asInt()).isZero();
  }

  @Test
  void outputFileGetsTheJsonWhileStdoutKeepsTheText(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("plan.json");

    CliRun run =
        CliRun.run(aws, "plan", REGIONS, HONEY, "--no-color", "--output-file", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("the same 1 change in 3 regions: ap-southeast-2, eu-north-1, us-east-2\n")
        .doesNotContain("\u001B[");
    JsonNode json = Json.mapper().readTree(Files.readString(file));
    assertThat(json.get("command").asText()).isEqualTo("plan");
    assertThat(json.at("/summary/regions").asInt()).isEqualTo(5);
  }

  @Test
  void anOutputFileInAMissingDirectoryIsAUsageErrorBeforeAnyCall(@TempDir Path dir) {
    CliRun run =
        CliRun.run(
            aws,
            "plan",
            REGIONS,
            HONEY,
            "--output-file",
            dir.resolve("no/such/plan.json").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--output-file").contains("does not exist");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void planCallsOnlyActionsThatReadOnlyPrintPolicyGrants() {
    CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY, "--role", "responders");
    aws.log().clear();

    CliRun run =
        CliRun.run(
            aws,
            "plan",
            REGIONS,
            HONEY,
            "--role",
            "responders",
            "--threat-intel-set",
            "bad-ips=s3://sec-lists/bad.txt");

    Set<String> granted =
        CommandActions.actions("plan").stream()
            .filter(a -> !a.write())
            .map(AwsAction::name)
            .collect(Collectors.toSet());
    Set<String> called =
        aws.log().calls().stream().map(c -> c.split(" ")[1]).collect(Collectors.toSet());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(called)
        .contains(
            "guardduty:GetDetector",
            "guardduty:ListThreatIntelSets",
            "events:ListTargetsByRule",
            "iam:GetPolicyVersion");
    assertThat(granted).containsAll(called);
    assertThat(CommandActions.actions("plan")).noneMatch(AwsAction::write);
  }

  @Test
  void applyMakesTheSameChangesPlanShowed() throws Exception {
    JsonNode plan =
        Json.mapper().readTree(CliRun.run(aws, "plan", REGIONS, HONEY, "--output", "json").out());

    JsonNode apply =
        Json.mapper()
            .readTree(
                CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY, "--output", "json")
                    .out());

    assertThat(apply.get("command").asText()).isEqualTo("apply");
    assertThat(apply.at("/summary/changes")).isEqualTo(plan.at("/summary/changes"));
    assertThat(apply.at("/results/2/status").asText()).isEqualTo("APPLIED");
    assertThat(apply.at("/results/3/status").asText()).isEqualTo("APPLIED");
    assertThat(apply.at("/summary/writes").asInt()).isPositive();
  }

  @Test
  void theConfigFileDrivesPlanApplyAndStatusAlike(@TempDir Path dir) throws Exception {
    Path config = dir.resolve("irctl.yaml");
    Files.writeString(
        config,
        """
        regions: [eu-west-1]
        guardduty:
          findingFrequency: ONE_HOUR
        rules:
          parameters:
            bucketNames: corp-backups-honey
        iam:
          roles: [responders]
        """);

    CliRun plan = CliRun.run(aws, "plan", "--config", config.toString(), "--detailed-exitcode");
    CliRun apply = CliRun.run(aws, "apply", "--auto-approve", "--config", config.toString());
    CliRun status = CliRun.run(aws, "status", "--config", config.toString());
    CliRun again = CliRun.run(aws, "plan", "--config", config.toString(), "--detailed-exitcode");

    assertThat(plan.exitCode()).as(plan.err()).isEqualTo(2);
    assertThat(plan.out())
        .contains("findingPublishingFrequency: (none) -> ONE_HOUR")
        .contains("iam        pending  2 to add")
        .doesNotContain("us-east-1\n  guardduty")
        .contains(
            "us-east-1\n  rules      pending  3 to add\n    + create rule irctl-forward-any-source-1")
        .endsWith("Plan: 52 to add, 1 to change, 0 to destroy\n");
    assertThat(plan.err()).contains("warning: skipped 7 global rule(s)");
    assertThat(apply.exitCode()).as(apply.err()).isZero();
    assertThat(status.exitCode()).as(status.err()).isZero();
    assertThat(status.out()).containsPattern("eu-west-1 +enabled +ONE_HOUR");
    assertThat(again.exitCode()).as(again.out()).isZero();
  }
}
