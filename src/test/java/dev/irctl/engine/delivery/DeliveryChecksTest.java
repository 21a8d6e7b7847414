package dev.irctl.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.EventBridgePort.TargetRoute;
import dev.irctl.engine.port.SubscriptionPort.TopicSubscription;
import dev.irctl.engine.port.TrailPort;
import dev.irctl.engine.port.TrailPort.AdvancedSelector;
import dev.irctl.engine.port.TrailPort.BasicSelector;
import dev.irctl.engine.port.TrailPort.DataResource;
import dev.irctl.engine.port.TrailPort.FieldSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each doctor finding, from a healthy region changed in one way, and its absence. */
class DeliveryChecksTest {
  static final String ACCOUNT = "111122223333";
  static final String TOPIC = "arn:aws:sns:eu-west-1:" + ACCOUNT + ":irctl-alerts";
  static final String KEY_ARN = "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/1234";
  static final String DLQ = "arn:aws:sqs:eu-west-1:" + ACCOUNT + ":irctl-dlq";
  static final String TOPIC_POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"irctl-eventbridge-publish\","
          + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
          + "\"Action\":\"sns:Publish\",\"Resource\":\""
          + TOPIC
          + "\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\""
          + ACCOUNT
          + "\"}}}]}";
  static final String KEY_POLICY =
      "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"events.amazonaws.com\"},"
          + "\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\"}]}";
  static final TrailPort.Trail TRAIL =
      new TrailPort.Trail(
          "org", "arn:aws:cloudtrail:us-east-1:" + ACCOUNT + ":trail/org", "us-east-1", true, true);

  /** A healthy region, changed by each row. */
  static final class Facts {
    Map<String, String> attributes = new HashMap<>(Map.of("Policy", TOPIC_POLICY));
    boolean topicExists = true;
    Optional<RegionFacts.KeyFacts> key = Optional.empty();
    List<TopicSubscription> subscriptions =
        new ArrayList<>(
            List.of(new TopicSubscription(TOPIC + ":1", "email", "soc@example.com", false)));
    List<RegionFacts.RuleFacts> rules =
        new ArrayList<>(
            List.of(
                new RegionFacts.RuleFacts(
                    "irctl-iam-mfa-deactivated",
                    List.of(
                        new TargetRoute("irctl-sns", TOPIC, Optional.empty(), Optional.of(DLQ))),
                    0)));
    List<RegionFacts.TrailFacts> trails =
        new ArrayList<>(
            List.of(
                new RegionFacts.TrailFacts(
                    TRAIL,
                    true,
                    new TrailPort.EventSelectors(
                        List.of(s3Data("All", "arn:aws:s3:::honey/")), List.of()))));
    List<String> honeyBuckets = new ArrayList<>(List.of("honey"));
    boolean readable = false;
    Optional<RegionFacts.AlertPathFacts> alertPath = Optional.empty();

    RegionFacts build() {
      return new RegionFacts(
          "eu-west-1",
          "aws",
          TOPIC,
          topicExists ? Optional.of(attributes) : Optional.empty(),
          key,
          subscriptions,
          rules,
          trails,
          honeyBuckets,
          readable,
          alertPath);
    }
  }

  static Arguments row(String name, Consumer<Facts> change, FindingKind... expected) {
    return Arguments.of(name, change, List.of(expected));
  }

  static Optional<dev.irctl.engine.port.MetricsPort.Alarm> alarm(String state) {
    return Optional.of(
        new dev.irctl.engine.port.MetricsPort.Alarm(
            "arn:aws:cloudwatch:eu-west-1:111122223333:alarm:irctl-alert-path-failed-invocations",
            dev.irctl.engine.alertpath.AlertPathAlarm.spec(List.of("irctl-a")),
            List.of(),
            state,
            "Threshold Crossed",
            Optional.of(java.time.Instant.parse("2026-03-01T10:00:00Z"))));
  }

  static RegionFacts.TrailFacts trailWith(TrailPort.EventSelectors selectors) {
    return new RegionFacts.TrailFacts(TRAIL, true, selectors);
  }

  /** The region's one trail, logging, with these basic and advanced selectors. */
  static List<RegionFacts.TrailFacts> trails(
      List<BasicSelector> basic, List<AdvancedSelector> advanced) {
    return List.of(trailWith(new TrailPort.EventSelectors(basic, advanced)));
  }

  /** A basic selector of S3 object data events on these ARN prefixes. */
  static BasicSelector s3Data(String readWrite, String... arns) {
    return new BasicSelector(
        readWrite, true, List.of(new DataResource("AWS::S3::Object", List.of(arns))));
  }

  /** The topic encrypted with a customer managed key whose policy is {@code policy}. */
  static Consumer<Facts> customerKey(String policy) {
    return f -> {
      f.attributes.put("KmsMasterKeyId", "alias/irctl");
      f.key =
          Optional.of(new RegionFacts.KeyFacts("alias/irctl", KEY_ARN, false, Optional.of(policy)));
    };
  }

  /** One more irctl rule with these targets and no failed invocations. */
  static Consumer<Facts> extraRule(TargetRoute... targets) {
    return f -> f.rules.add(new RegionFacts.RuleFacts("irctl-x", List.of(targets), 0));
  }

  static final TopicSubscription CHAT =
      new TopicSubscription(
          TOPIC + ":2", "https", "https://global.sns-api.chatbot.amazonaws.com", false);

  static AdvancedSelector honeyAdvanced(FieldSelector... extra) {
    List<FieldSelector> fields =
        new ArrayList<>(
            List.of(
                FieldSelector.equalsTo("eventCategory", "Data"),
                FieldSelector.equalsTo("resources.type", "AWS::S3::Object")));
    fields.addAll(List.of(extra));
    return new AdvancedSelector("honey", fields);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        row("healthy region", f -> {}),
        row(
            "alert path in place, alarm OK",
            f -> f.alertPath = Optional.of(new RegionFacts.AlertPathFacts(true, alarm("OK")))),
        row(
            "alert-path log group deleted",
            f -> f.alertPath = Optional.of(new RegionFacts.AlertPathFacts(false, alarm("OK"))),
            FindingKind.ALERT_PATH_LOG_GROUP_MISSING),
        row(
            "alert-path alarm missing",
            f -> f.alertPath = Optional.of(new RegionFacts.AlertPathFacts(true, Optional.empty())),
            FindingKind.ALERT_PATH_ALARM_MISSING),
        row(
            "alert-path alarm firing",
            f -> f.alertPath = Optional.of(new RegionFacts.AlertPathFacts(true, alarm("ALARM"))),
            FindingKind.ALERT_PATH_ALARM_FIRING),
        row("topic gone", f -> f.topicExists = false, FindingKind.TOPIC_MISSING),
        row(
            "topic policy without EventBridge",
            f -> f.attributes.put("Policy", "{\"Statement\":[]}"),
            FindingKind.TOPIC_POLICY_DENIES_EVENTBRIDGE),
        row(
            "topic policy granting cloudwatch instead",
            f -> f.attributes.put("Policy", TOPIC_POLICY.replace("events.", "cloudwatch.")),
            FindingKind.TOPIC_POLICY_DENIES_EVENTBRIDGE,
            FindingKind.TOPIC_POLICY_CLOUDWATCH_PRINCIPAL),
        row(
            "topic policy with a deny on publish",
            f ->
                f.attributes.put(
                    "Policy",
                    TOPIC_POLICY.replace(
                        "}}}]}",
                        "}}},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sns:*\","
                            + "\"Resource\":\"*\"}]}")),
            FindingKind.TOPIC_POLICY_DENIES_EVENTBRIDGE),
        row(
            "AWS-managed SNS key",
            f -> f.attributes.put("KmsMasterKeyId", "alias/aws/sns"),
            FindingKind.KMS_AWS_MANAGED_KEY),
        row("customer key that lets EventBridge use it", customerKey(KEY_POLICY)),
        row(
            "customer key without GenerateDataKey for EventBridge",
            customerKey(KEY_POLICY.replace(",\"kms:GenerateDataKey*\"", "")),
            FindingKind.KMS_KEY_POLICY_MISSING_EVENTBRIDGE),
        row(
            "customer key whose EventBridge grant requires aws:PrincipalOrgID",
            customerKey(
                KEY_POLICY.replace(
                    "\"Resource\":\"*\"",
                    "\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
                        + "{\"aws:PrincipalOrgID\":\"o-abc\"}}")),
            FindingKind.KMS_KEY_POLICY_CONDITION),
        row(
            "a pending subscription next to a confirmed one",
            f ->
                f.subscriptions.add(
                    new TopicSubscription("PendingConfirmation", "email", "b@example.com", true)),
            FindingKind.SUBSCRIPTIONS_PENDING),
        row(
            "only pending subscriptions",
            f ->
                f.subscriptions =
                    List.of(
                        new TopicSubscription(
                            "PendingConfirmation", "email", "b@example.com", true)),
            FindingKind.NO_CONFIRMED_SUBSCRIPTION,
            FindingKind.SUBSCRIPTIONS_PENDING),
        row(
            "no subscription",
            f -> f.subscriptions = List.of(),
            FindingKind.NO_CONFIRMED_SUBSCRIPTION),
        row(
            "failed invocations in the last day",
            f ->
                f.rules.set(
                    0,
                    new RegionFacts.RuleFacts(
                        "irctl-iam-mfa-deactivated", f.rules.get(0).targets(), 3)),
            FindingKind.FAILED_INVOCATIONS),
        row(
            "irctl target without a dead-letter queue",
            extraRule(new TargetRoute("irctl-sns", TOPIC, Optional.empty(), Optional.empty())),
            FindingKind.TARGET_WITHOUT_DEAD_LETTER_QUEUE),
        row(
            "a user's own target without DLQ is not irctl's business",
            extraRule(
                new TargetRoute("irctl-sns", TOPIC, Optional.empty(), Optional.of(DLQ)),
                new TargetRoute("mine", TOPIC, Optional.empty(), Optional.empty()))),
        row(
            "topic target with a RoleArn",
            extraRule(
                new TargetRoute(
                    "irctl-sns", TOPIC, Optional.of("arn:aws:iam::1:role/r"), Optional.of(DLQ))),
            FindingKind.TOPIC_TARGET_WITH_ROLE),
        row(
            "no trail",
            f -> f.trails = List.of(),
            FindingKind.NO_TRAIL_LOGGING,
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "trail not logging",
            f ->
                f.trails =
                    List.of(new RegionFacts.TrailFacts(TRAIL, false, f.trails.get(0).selectors())),
            FindingKind.NO_TRAIL_LOGGING,
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "trail without data events for the honey bucket",
            f -> f.trails = trails(List.of(new BasicSelector("All", true, List.of())), List.of()),
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "data events for another bucket only",
            f -> f.trails = trails(List.of(s3Data("All", "arn:aws:s3:::honeypot/")), List.of()),
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "write-only data events miss reads",
            f -> f.trails = trails(List.of(s3Data("WriteOnly", "arn:aws:s3")), List.of()),
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "advanced selector for the bucket records it",
            f ->
                f.trails =
                    trails(
                        List.of(),
                        List.of(
                            honeyAdvanced(
                                FieldSelector.startsWith(
                                    "resources.ARN", "arn:aws:s3:::honey/"))))),
        row(
            "advanced selector of write events only misses reads",
            f ->
                f.trails =
                    trails(
                        List.of(),
                        List.of(honeyAdvanced(FieldSelector.equalsTo("readOnly", "false")))),
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "advanced selector excluding the bucket",
            f ->
                f.trails =
                    trails(
                        List.of(),
                        List.of(
                            honeyAdvanced(
                                new FieldSelector(
                                    "resources.ARN",
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    List.of("arn:aws:s3:::honey/"),
                                    List.of())))),
            FindingKind.HONEY_BUCKET_NOT_RECORDED),
        row(
            "no honey bucket rule deployed needs no data events",
            f -> {
              f.honeyBuckets = List.of();
              f.trails = trails(List.of(), List.of());
            }),
        row(
            "readable messages with a chat integration",
            f -> {
              f.readable = true;
              f.subscriptions.add(CHAT);
            },
            FindingKind.READABLE_FORMAT_WITH_CHAT),
        row("raw messages with a chat integration", f -> f.subscriptions.add(CHAT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void findsExactlyWhatIsWrong(String name, Consumer<Facts> change, List<FindingKind> expected) {
    Facts facts = new Facts();
    change.accept(facts);

    List<DeliveryFinding> findings = DeliveryChecks.all(facts.build());

    assertThat(findings)
        .extracting(DeliveryFinding::kind)
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(findings)
        .allSatisfy(
            f -> {
              assertThat(f.fix()).endsWith(".").doesNotContain("--");
              assertThat(f.message()).isNotBlank();
            });
  }

  @Test
  void aCatalogOfTargetsWithoutDeadLetterQueuesIsNamedInShort() {
    Facts facts = new Facts();
    for (int i = 0; i < 53; i++) {
      facts.rules.add(
          new RegionFacts.RuleFacts(
              "irctl-rule-" + i,
              List.of(new TargetRoute("irctl-sns", TOPIC, Optional.empty(), Optional.empty())),
              0));
    }

    DeliveryFinding finding =
        DeliveryChecks.all(facts.build()).stream()
            .filter(f -> f.kind() == FindingKind.TARGET_WITHOUT_DEAD_LETTER_QUEUE)
            .findFirst()
            .orElseThrow();

    assertThat(finding.message())
        .startsWith("53 irctl target(s) have no dead-letter queue")
        .contains(
            "(irctl-rule-0/irctl-sns, irctl-rule-1/irctl-sns, irctl-rule-2/irctl-sns and 50 more)")
        .doesNotContain("irctl-rule-3/");
  }

  @Test
  void healthIsTheWorstFindingAndAnUnreadableRegionIsBroken() {
    DeliveryFinding warn =
        new DeliveryFinding(FindingKind.SUBSCRIPTIONS_PENDING, DeliveryHealth.WARN, "m", "f.");
    DeliveryFinding broken =
        new DeliveryFinding(FindingKind.TOPIC_MISSING, DeliveryHealth.BROKEN, "m", "f.");

    assertThat(new RegionDiagnosis("r", List.of(), Optional.empty()).health())
        .isEqualTo(DeliveryHealth.OK);
    assertThat(new RegionDiagnosis("r", List.of(warn), Optional.empty()).health())
        .isEqualTo(DeliveryHealth.WARN);
    assertThat(new RegionDiagnosis("r", List.of(warn, broken), Optional.empty()).health())
        .isEqualTo(DeliveryHealth.BROKEN);
    DeliveryFinding nobody =
        new DeliveryFinding(
            FindingKind.NO_CONFIRMED_SUBSCRIPTION, DeliveryHealth.NO_SUBSCRIBER, "m", "f.");
    assertThat(new RegionDiagnosis("r", List.of(warn, nobody), Optional.empty()).health())
        .isEqualTo(DeliveryHealth.NO_SUBSCRIBER);
    assertThat(new RegionDiagnosis("r", List.of(nobody, broken), Optional.empty()).health())
        .isEqualTo(DeliveryHealth.BROKEN);
    assertThat(new RegionDiagnosis("r", List.of(), Optional.of("denied")).health())
        .isEqualTo(DeliveryHealth.BROKEN);
  }

  @Test
  void outcomeIsErrorOverFindingsOverClean() {
    RegionDiagnosis clean = new RegionDiagnosis("a", List.of(), Optional.empty());
    RegionDiagnosis finding =
        new RegionDiagnosis(
            "b",
            List.of(
                new DeliveryFinding(FindingKind.TOPIC_MISSING, DeliveryHealth.BROKEN, "m", "f.")),
            Optional.empty());
    RegionDiagnosis error = new RegionDiagnosis("c", List.of(), Optional.of("denied"));

    assertThat(new DoctorResult(List.of(clean)).outcome()).isEqualTo(DoctorResult.Outcome.CLEAN);
    assertThat(new DoctorResult(List.of(clean, finding)).outcome())
        .isEqualTo(DoctorResult.Outcome.FINDINGS);
    assertThat(new DoctorResult(List.of(finding, error)).outcome())
        .isEqualTo(DoctorResult.Outcome.ERROR);
  }
}
