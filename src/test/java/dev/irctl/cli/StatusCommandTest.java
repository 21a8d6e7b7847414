package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import dev.irctl.render.RunRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {
  private static final String HONEY = "--set=bucketNames=corp-backups-honey";
  private static final String REGIONS = "--region=us-east-1,eu-west-1";

  private final FakePorts aws = new FakePorts();

  @Test
  void aFreshAccountShowsEverythingMissingAndWritesNothing() {
    CliRun run = CliRun.run(aws, "status", REGIONS, HONEY);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out())
        .containsPattern(
            "REGION +GUARDDUTY +FREQUENCY +FEATURES ON +RULES SYNC/DRIFT/MISSING/ORPHAN +TOPIC POLICY +SUBSCRIPTIONS +DELIVERY")
        .containsPattern("eu-west-1 .* 0 confirmed, 0 pending +broken +-")
        .containsPattern("eu-west-1 +missing +- +- +0/0/38/0 +no topic +0 confirmed, 0 pending")
        .containsPattern("us-east-1 +missing +- +- +0/0/45/0")
        .contains(
            "2 regions (and 3 for the sign-in rules only): GuardDuty enabled in 0, rules and topic in sync in 0, 0 with errors. Run 'irctl plan' for the details.");
  }

  @Test
  void theDeliveryColumnComesFromTheDoctorsChecks() throws Exception {
    DoctorCommandTest.healthy(aws, "us-east-1");
    DoctorCommandTest.healthy(aws, "eu-west-1");
    DoctorCommandTest.orgTrail(aws);
    aws.alertPathFake().metricsIn("eu-west-1").failedInvocations("irctl-iam-mfa-deactivated", 2);
    String[] args = {"status", REGIONS, "--rule", "iam-mfa-deactivated"};

    CliRun text = CliRun.run(aws, args);

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .containsPattern("eu-west-1 .* broken +-\n")
        .containsPattern("us-east-1 .* ok +-\n");
    assertThat(aws.log().writes()).isEmpty();
    CliRun asJson =
        CliRun.run(aws, "status", REGIONS, "--rule", "iam-mfa-deactivated", "--output", "json");
    com.fasterxml.jackson.databind.JsonNode root =
        dev.irctl.render.Json.mapper().readTree(asJson.out());
    com.fasterxml.jackson.databind.JsonNode eu = root.at("/regions/0");
    assertThat(eu.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(eu.at("/delivery/health").asText()).isEqualTo("broken");
    assertThat(eu.at("/delivery/findings/0/kind").asText()).isEqualTo("FAILED_INVOCATIONS");
    assertThat(root.at("/regions/1/delivery/health").asText()).isEqualTo("ok");
    assertThat(asJson.exitCode()).isZero();
  }

  @Test
  void afterApplyEveryRowIsInSyncWithSubscriptionsCounted() {
    CliRun.run(
        aws,
        "apply",
        "--auto-approve",
        REGIONS,
        HONEY,
        "--subscribe",
        "email:soc@example.com",
        "--feature",
        "RDS_LOGIN_EVENTS");
    aws.log().clear();

    CliRun run = CliRun.run(aws, "status", REGIONS, HONEY);

    assertThat(aws.log().writes()).isEmpty();
    assertThat(run.out())
        .containsPattern(
            "eu-west-1 +enabled +FIFTEEN_MINUTES +\\d+ +38/0/0/0 +ok +0 confirmed, 1 pending")
        .contains(
            "2 regions (and 3 for the sign-in rules only): GuardDuty enabled in 2, rules and topic in sync in 5, 0 with errors.");
  }

  @Test
  void aFirstApplyWithoutASubscriberShowsNoSubscriberWithWhatToDoNotBroken() throws Exception {
    DoctorCommandTest.orgTrail(aws);
    String[] apply = {
      "apply", "--auto-approve", "--region=eu-west-1", "--rule=iam-mfa-deactivated"
    };
    assertThat(CliRun.run(aws, apply).exitCode()).isZero();
    aws.log().clear();

    CliRun text = CliRun.run(aws, "status", "--region=eu-west-1", "--rule=iam-mfa-deactivated");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(text.out())
        .containsPattern("eu-west-1 .* ok +0 confirmed, 0 pending +no subscriber +-\n")
        .contains(
            "no subscriber in eu-west-1: the topic has no subscription: alerts reach no one."
                + " Subscribe an endpoint: run apply-rules (or apply) with --subscribe"
                + " email:ADDRESS (or rules.subscriptions in irctl.yaml), then confirm it"
                + " (for email, click the link AWS sends).\n")
        .doesNotContain("broken");
    CliRun asJson =
        CliRun.run(
            aws, "status", "--region=eu-west-1", "--rule=iam-mfa-deactivated", "--output=json");
    assertThat(asJson.exitCode()).isZero();
    JsonNode delivery = Json.mapper().readTree(asJson.out()).at("/regions/0/delivery");
    assertThat(delivery.path("health").asText()).isEqualTo("no subscriber");
    DoctorCommandTest.onlyNoSubscriber(delivery.path("findings"));

    // Once someone subscribes and confirms, the row is ok and the hint is gone.
    String topic = "arn:aws:sns:eu-west-1:" + FakePorts.ACCOUNT + ":irctl-alerts";
    aws.alertPathFake().subscriptionsIn("eu-west-1").existing(topic, "email", "soc@x.co", false);
    CliRun subscribed =
        CliRun.run(aws, "status", "--region=eu-west-1", "--rule=iam-mfa-deactivated");
    assertThat(subscribed.out())
        .containsPattern("eu-west-1 .* pending +ok +-\n")
        .doesNotContain("no subscriber");
  }

  @Test
  void disabledDetectorsDriftedAndOrphanedRulesAndAMissingPolicyStatementAreCounted() {
    CliRun.run(aws, "apply", "--auto-approve", REGIONS, HONEY);
    aws.guardDutyIn("eu-west-1")
        .existing(
            new Detector(
                "d-eu",
                false,
                FindingFrequency.SIX_HOURS,
                Map.of("S3_DATA_EVENTS", true),
                Map.of()));
    aws.snsIn("eu-west-1")
        .existing(
            "irctl-alerts",
            "{\"Version\":\"2012-10-17\",\"Statement\":[]}",
            Map.of("managed-by", "irctl"));

    CliRun run =
        CliRun.run(
            aws,
            "status",
            REGIONS,
            HONEY,
            "--exclude",
            "ec2-instance-terminated",
            "--output",
            "json");

    assertThat(run.exitCode()).isZero();
    JsonNode euWest1 = json(run.out()).get("regions").get(0);
    assertThat(euWest1.at("/guardduty/state").asText()).isEqualTo("disabled");
    assertThat(euWest1.at("/guardduty/findingFrequency").asText()).isEqualTo("SIX_HOURS");
    assertThat(euWest1.at("/guardduty/featuresOn/0").asText()).isEqualTo("S3_DATA_EVENTS");
    assertThat(euWest1.at("/rules/inSync").asInt()).isEqualTo(37);
    assertThat(euWest1.at("/rules/orphaned").asInt()).isEqualTo(1);
    assertThat(euWest1.at("/topic/exists").asBoolean()).isTrue();
    assertThat(euWest1.at("/topic/policyOk").asBoolean()).isFalse();
  }

  @Test
  void aRegionThatFailsIsReportedAndTheOthersStillRead(@TempDir Path dir) throws Exception {
    aws.log()
        .fail(
            "eu-west-1",
            "guardduty:ListDetectors",
            AwsCallException.Kind.ACCESS_DENIED,
            "not authorized to ListDetectors");
    Path file = dir.resolve("status.json");

    CliRun run = CliRun.run(aws, "status", REGIONS, HONEY, "--output-file", file.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .containsPattern("eu-west-1 +error")
        .contains("guardduty: access denied: the caller is not allowed guardduty:ListDetectors")
        .contains("0/0/38/0");
    JsonNode status = json(Files.readString(file));
    assertThat(status.get("schemaVersion").asInt()).isEqualTo(RunRenderer.SCHEMA_VERSION);
    assertThat(status.get("command").asText()).isEqualTo("status");
    assertThat(status.at("/account/id").asText()).isNotEmpty();
    assertThat(status.at("/summary/failedRegions").asInt()).isEqualTo(1);
    assertThat(status.get("results").findValuesAsText("part")).contains("guardduty", "rules");
    JsonNode failedPart =
        java.util.stream.StreamSupport.stream(status.get("results").spliterator(), false)
            .filter(r -> r.path("status").asText().equals("FAILED"))
            .findFirst()
            .orElseThrow();
    assertThat(failedPart.get("region").asText()).isEqualTo("eu-west-1");
    assertThat(failedPart.get("part").asText()).isEqualTo("guardduty");
    assertThat(failedPart.get("status").asText()).isEqualTo("FAILED");
    assertThat(failedPart.at("/error/kind").asText()).isEqualTo("AWS");
    assertThat(status.at("/regions/0/errors/guardduty").asText()).contains("not authorized");
    assertThat(status.at("/regions/0/guardduty").isNull()).isTrue();
    assertThat(status.at("/regions/0/rules/missing").asInt()).isEqualTo(38);
    assertThat(status.at("/regions/1/guardduty/state").asText()).isEqualTo("missing");
  }

  @Test
  void identityIsAskedOnceAndProgressComesFromTheRunner() {
    CliRun run = CliRun.run(aws, "status", REGIONS, HONEY);

    assertThat(aws.log().calls().stream().filter(c -> c.contains("GetCallerIdentity")).count())
        .isEqualTo(1);
    assertThat(run.err()).contains("eu-west-1");
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(text, e);
    }
  }

  @Test
  void theRegionsTheSignInRulesAreCarriedToAreReadForThoseRulesWithTheNote() throws Exception {
    CliRun.run(aws, "apply-rules", "--auto-approve", "--region", "eu-west-1", HONEY);
    var usEast2 = aws.eventBridgeIn("us-east-2");
    var stored = usEast2.rule("default", "irctl-forward-aws.signin").orElseThrow();
    usEast2.existing(
        "default",
        "irctl-forward-aws.signin",
        "{\"source\":[\"aws.signin\"]}",
        stored.rule().state(),
        stored.tags(),
        List.copyOf(stored.targets().values()));
    aws.log().clear();

    CliRun run = CliRun.run(aws, "status", "--region", "eu-west-1", HONEY);

    assertThat(aws.log().writes()).isEmpty();
    assertThat(aws.log().calls()).noneMatch(c -> c.startsWith("us-east-2 guardduty:"));
    // They forward to the chosen region and have no topic by design: not "no topic".
    assertThat(run.out())
        .containsPattern("us-east-2 +- +- +- +0/1/0/0 +forwards to eu-west-1 +- +-")
        .containsPattern("eu-north-1 +- +- +- +1/0/0/0 +forwards to eu-west-1 +- +-")
        .containsPattern("us-east-1 +- +- +- +3/0/0/0 +forwards to eu-west-1")
        .doesNotContain("no topic")
        .contains(
            "us-east-2: not a chosen region: AWS records console sign-ins on the global endpoint"
                + " in us-east-2")
        .contains("forwarder role irctl-event-forwarder: ok")
        .contains("1 region (and 4 for the sign-in rules only): GuardDuty enabled in 0");
    JsonNode json =
        json(CliRun.run(aws, "status", "--region", "eu-west-1", HONEY, "--output", "json").out());
    assertThat(json.at("/regions/0/region").asText()).isEqualTo("eu-west-1");
    assertThat(json.at("/regions/0/carried").isNull()).isTrue();
    assertThat(json.at("/regions/0/forwardsTo").isNull()).isTrue();
    assertThat(json.at("/regions/0/topic/exists").asBoolean()).isTrue();
    JsonNode carried = json.at("/regions/4");
    assertThat(carried.path("region").asText()).isEqualTo("us-east-2");
    assertThat(carried.path("carried").asText()).contains("not a chosen region");
    assertThat(carried.path("guardduty").isNull()).isTrue();
    assertThat(carried.at("/rules/drifted").asInt()).isEqualTo(1);
    assertThat(carried.path("forwardsTo").asText()).isEqualTo("eu-west-1");
    assertThat(carried.path("topic").isNull()).isTrue();
    assertThat(json.at("/forwarderRole/ok").asBoolean()).isTrue();
  }

  @Test
  void aHubsForwardingRegionsShowWhereTheirEventsGoNotAMissingTopic() throws Exception {
    String[] regions = {"--region", "eu-west-1,us-west-2", "--hub-region", "eu-west-1", HONEY};
    CliRun apply = CliRun.run(aws, concat(new String[] {"apply-rules", "--auto-approve"}, regions));
    assertThat(apply.exitCode()).as(apply.err()).isZero();

    CliRun run = CliRun.run(aws, concat(new String[] {"status"}, regions));

    assertThat(run.out())
        .containsPattern("eu-west-1 +\\S+ +\\S+ +\\S+ +\\d+/0/0/0 +ok +0 confirmed, 0 pending")
        .containsPattern("us-west-2 +\\S+ +\\S+ +\\S+ +\\d+/0/0/0 +forwards to eu-west-1 +- +- +-")
        .doesNotContain("no topic");
    JsonNode json =
        json(CliRun.run(aws, concat(new String[] {"status", "--output", "json"}, regions)).out());
    JsonNode usWest2 =
        java.util.stream.StreamSupport.stream(json.get("regions").spliterator(), false)
            .filter(r -> r.path("region").asText().equals("us-west-2"))
            .findFirst()
            .orElseThrow();
    assertThat(usWest2.path("forwardsTo").asText()).isEqualTo("eu-west-1");
    assertThat(usWest2.path("topic").isNull()).isTrue();
    assertThat(usWest2.path("carried").isNull()).isTrue();
    assertThat(usWest2.path("rules").path("missing").asInt()).isZero();
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
