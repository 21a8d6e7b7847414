package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.TrailPort;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {
  private static final String REGIONS = "--region=us-east-1,eu-west-1";
  private static final String RULE = "--rule=iam-mfa-deactivated";

  private final FakePorts aws = new FakePorts();

  static String topicPolicy(String topic) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"irctl-eventbridge-publish\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
        + "\"Action\":\"sns:Publish\",\"Resource\":\""
        + topic
        + "\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\""
        + FakePorts.ACCOUNT
        + "\"}}}]}";
  }

  /** A region whose alerts arrive: policy, a confirmed subscriber, a rule with a DLQ. */
  static String healthy(FakePorts aws, String region) {
    String topic = unsubscribed(aws, region);
    aws.alertPathFake().subscriptionsIn(region).existing(topic, "email", "soc@example.com", false);
    return topic;
  }

  /** As {@link #healthy}, but nobody is subscribed to the topic. */
  static String unsubscribed(FakePorts aws, String region) {
    String topic = "arn:aws:sns:" + region + ":" + FakePorts.ACCOUNT + ":irctl-alerts";
    aws.snsIn(region).existing("irctl-alerts", topicPolicy(topic), Map.of("managed-by", "irctl"));
    aws.eventBridgeIn(region)
        .existing(
            "default",
            "irctl-iam-mfa-deactivated",
            "{\"source\":[\"aws.iam\"]}",
            "ENABLED",
            Map.of("managed-by", "irctl"),
            List.of(RuleTarget.of("irctl-sns", topic, Optional.empty())))
        .deadLetter(
            "default",
            "irctl-iam-mfa-deactivated",
            "irctl-sns",
            "arn:aws:sqs:" + region + ":" + FakePorts.ACCOUNT + ":irctl-dlq");
    return topic;
  }

  static void orgTrail(FakePorts aws) {
    aws.alertPathFake()
        .trailsFake()
        .trail(
            new TrailPort.Trail(
                "org",
                "arn:aws:cloudtrail:us-east-1:" + FakePorts.ACCOUNT + ":trail/org",
                "us-east-1",
                true,
                true),
            true,
            new TrailPort.EventSelectors(List.of(), List.of()));
  }

  @Test
  void aHealthyAccountIsCleanExitsZeroAndWritesNothing() {
    healthy(aws, "us-east-1");
    healthy(aws, "eu-west-1");
    orgTrail(aws);

    CliRun run = CliRun.run(aws, "doctor", REGIONS, RULE);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("REGION     DELIVERY  FINDING  FIX")
        .contains("eu-west-1  ok        -        -")
        .contains("us-east-1  ok")
        .contains(
            "2 regions: 0 findings, 0 regions broken, 0 with no subscriber, 0 could not be read.");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void failedInvocationsAreABrokenFindingWithItsFixAndExitTwo() {
    healthy(aws, "us-east-1");
    healthy(aws, "eu-west-1");
    orgTrail(aws);
    aws.alertPathFake().metricsIn("eu-west-1").failedInvocations("irctl-iam-mfa-deactivated", 3);

    CliRun run = CliRun.run(aws, "doctor", REGIONS, RULE);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out())
        .containsPattern("eu-west-1  broken +.*irctl-iam-mfa-deactivated")
        .contains("us-east-1  ok")
        .contains(
            "2 regions: 1 findings, 1 regions broken, 0 with no subscriber, 0 could not be read.");
  }

  @Test
  void aTopicNobodySubscribedToIsNoSubscriberWithTheSubscribeHintAndABreakageStillBroken()
      throws Exception {
    unsubscribed(aws, "eu-west-1");
    String topic = unsubscribed(aws, "us-east-1");
    aws.snsIn("us-east-1").existing("irctl-alerts", "{}", Map.of("managed-by", "irctl"));
    orgTrail(aws);

    CliRun text = CliRun.run(aws, "doctor", REGIONS, RULE);

    assertThat(text.exitCode()).as(text.err()).isEqualTo(2);
    assertThat(text.out())
        .containsPattern(
            "eu-west-1  no subscriber  the topic has no subscription: alerts reach no one +"
                + "Subscribe an endpoint: run apply-rules \\(or apply\\) with --subscribe"
                + " email:ADDRESS \\(or rules.subscriptions in irctl.yaml\\), then confirm it")
        .containsPattern("us-east-1  broken +the policy of " + topic + " does not allow")
        .containsPattern("us-east-1  no subscriber +the topic has no subscription")
        .contains(
            "2 regions: 3 findings, 1 regions broken, 1 with no subscriber, 0 could not be read.")
        .doesNotContain("{input:");
    JsonNode regions =
        Json.mapper()
            .readTree(CliRun.run(aws, "doctor", REGIONS, RULE, "--output", "json").out())
            .path("regions");
    JsonNode eu = regions.get(0);
    assertThat(eu.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(eu.path("delivery").asText()).isEqualTo("no subscriber");
    onlyNoSubscriber(eu.path("findings"));
    assertThat(regions.get(1).path("delivery").asText()).isEqualTo("broken");
  }

  /**
   * A JSON findings array (doctor's or status') that holds only the missing subscriber, worded as
   * the user reads it, with the flag that fixes it.
   */
  static void onlyNoSubscriber(JsonNode findings) {
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.path("kind").asText()).isEqualTo("NO_CONFIRMED_SUBSCRIPTION");
              assertThat(f.path("level").asText()).isEqualTo("no subscriber");
              assertThat(f.path("fix").asText()).contains("--subscribe email:ADDRESS");
            });
  }

  @Test
  void onlyPendingSubscriptionsAreNoSubscriberUntilOneIsConfirmed() {
    String topic = unsubscribed(aws, "eu-west-1");
    aws.alertPathFake()
        .subscriptionsIn("eu-west-1")
        .existing(topic, "email", "soc@example.com", true);
    orgTrail(aws);

    CliRun run = CliRun.run(aws, "doctor", "--region=eu-west-1", RULE);

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out())
        .containsPattern(
            "eu-west-1  no subscriber +the topic has no confirmed subscription yet: alerts reach no"
                + " one +Confirm a pending subscription")
        .containsPattern("eu-west-1  warn +1 subscription\\(s\\) still pending confirmation");
  }

  @Test
  void pendingSubscriptionsAndNoTrailAreFindingsEachWithAFixSentence() throws Exception {
    String topic = healthy(aws, "eu-west-1");
    aws.alertPathFake()
        .subscriptionsIn("eu-west-1")
        .existing(topic, "email", "oncall@example.com", true);

    CliRun run = CliRun.run(aws, "doctor", "--region=eu-west-1", RULE, "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    JsonNode region = Json.mapper().readTree(run.out()).path("regions").get(0);
    assertThat(region.path("delivery").asText()).isEqualTo("broken");
    assertThat(region.path("findings"))
        .extracting(f -> f.path("kind").asText())
        .containsExactlyInAnyOrder("SUBSCRIPTIONS_PENDING", "NO_TRAIL_LOGGING");
    assertThat(region.path("findings"))
        .allSatisfy(
            f -> {
              assertThat(f.path("message").asText()).isNotBlank();
              assertThat(f.path("fix").asText()).isNotBlank().endsWith(".");
            });
  }

  @Test
  void aMissingTopicIsBrokenAndTheReadableFormatWithChatWarns() {
    healthy(aws, "us-east-1");
    orgTrail(aws);
    String topic = "arn:aws:sns:us-east-1:" + FakePorts.ACCOUNT + ":irctl-alerts";
    aws.alertPathFake()
        .subscriptionsIn("us-east-1")
        .existing(topic, "https", "https://global.sns-api.chatbot.amazonaws.com", false);

    CliRun readable =
        CliRun.run(aws, "doctor", "--region=us-east-1", RULE, "--message-format", "readable");
    CliRun missing = CliRun.run(aws, "doctor", "--region=eu-west-1", RULE);

    assertThat(readable.exitCode()).as(readable.err()).isEqualTo(2);
    assertThat(readable.out()).containsPattern("us-east-1  warn ");
    assertThat(missing.exitCode()).as(missing.err()).isEqualTo(2);
    assertThat(missing.out()).containsPattern("eu-west-1  broken ");
  }

  @Test
  void aRegionThatCannotBeReadIsAnErrorTheOthersAreStillDiagnosed() throws Exception {
    healthy(aws, "us-east-1");
    healthy(aws, "eu-west-1");
    orgTrail(aws);
    aws.log()
        .fail("eu-west-1", "sns:GetTopicAttributes", AwsCallException.Kind.ACCESS_DENIED, "denied");

    CliRun run = CliRun.run(aws, "doctor", REGIONS, RULE, "--output", "json");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    JsonNode root = Json.mapper().readTree(run.out());
    assertThat(root.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(root.path("command").asText()).isEqualTo("doctor");
    assertThat(root.path("outcome").asText()).isEqualTo("error");
    assertThat(root.path("regions").get(0).path("region").asText()).isEqualTo("eu-west-1");
    assertThat(root.path("regions").get(0).path("error").asText())
        .contains("sns:GetTopicAttributes");
    assertThat(root.path("regions").get(1).path("delivery").asText()).isEqualTo("ok");
    assertThat(root.path("summary").path("failedRegions").asInt()).isEqualTo(1);
  }

  @Test
  void theHoneyBucketRuleIsCheckedForDataEventsOfItsBuckets() {
    healthy(aws, "eu-west-1");
    orgTrail(aws);

    CliRun run =
        CliRun.run(
            aws,
            "doctor",
            "--region=eu-west-1",
            "--rule=iam-mfa-deactivated,s3-honey-bucket-access",
            "--set=bucketNames=corp-honey");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.out()).contains("corp-honey");
  }
}
