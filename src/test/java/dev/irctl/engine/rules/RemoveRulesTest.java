package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.Subscription;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RemoveRulesTest {
  private final FakePorts aws = new FakePorts();
  private final RegionSelection euWest1 =
      new RegionSelection(List.of("eu-west-1"), List.of(), Map.of(), List.of());

  private List<PartResult> remove(boolean deleteTopic) {
    return PartRun.run(
        aws,
        2,
        euWest1.regions(),
        new RemoveRulesPart(new RemoveRulesPart.Request("default", "irctl-alerts", deleteTopic)),
        false);
  }

  private void seed(String name, Map<String, String> tags, List<RuleTarget> targets) {
    aws.eventBridgeIn("eu-west-1")
        .existing("default", name, "{\"source\":[\"aws.iam\"]}", "ENABLED", tags, targets);
  }

  private static RuleTarget ours() {
    return RuleTarget.of(
        "irctl-sns", "arn:aws:sns:eu-west-1:111122223333:irctl-alerts", Optional.empty());
  }

  @Test
  void deletesOnlyRulesWithBothMarksRemovingTargetsFirst() {
    seed("irctl-a", Map.of("managed-by", "irctl"), List.of(ours()));
    seed("irctl-untagged", Map.of(), List.of(ours()));
    seed("user-rule", Map.of("managed-by", "irctl"), List.of());

    PartResult result = remove(false).get(0);

    assertThat(result.status()).isEqualTo(PartStatus.APPLIED);
    assertThat(aws.log().writes())
        .containsExactly(
            "eu-west-1 events:RemoveTargets (write)", "eu-west-1 events:DeleteRule (write)");
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .containsExactly("irctl-untagged", "user-rule");
  }

  @Test
  void theTopicIsDeletedOnlyWithTheFlagAndOnlyIfIrctlCreatedIt() {
    aws.snsIn("eu-west-1").existing("irctl-alerts", null, Map.of());
    remove(true);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isPresent();

    aws.snsIn("eu-west-1").existing("irctl-alerts", null, Map.of("managed-by", "irctl"));
    remove(false);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isPresent();

    PartResult result = remove(true).get(0);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isEmpty();
    assertThat(result.changes())
        .extracting(c -> c.resource())
        .containsExactly("topic arn:aws:sns:eu-west-1:111122223333:irctl-alerts");
  }

  @Test
  void aRuleWithTheUsersTargetsIsKeptAndSoIsTheTopic() {
    aws.snsIn("eu-west-1").existing("irctl-alerts", null, Map.of("managed-by", "irctl"));
    seed(
        "irctl-a",
        Map.of("managed-by", "irctl"),
        List.of(ours(), RuleTarget.of("pager", "arn:aws:lambda:x", Optional.empty())));

    PartResult result = remove(true).get(0);

    assertThat(aws.log().writes()).isEmpty();
    assertThat(result.notes().warnings())
        .anyMatch(w -> w.contains("kept rule irctl-a"))
        .anyMatch(w -> w.contains("kept topic"));
  }

  private static final String ARN = "arn:aws:sns:eu-west-1:111122223333:irctl-alerts";
  private static final String OURS_STATEMENT =
      "{\"Sid\":\"irctl-eventbridge-publish\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"events.amazonaws.com\"},\"Action\":\"sns:Publish\","
          + "\"Resource\":\""
          + ARN
          + "\"}";
  private static final String THEIRS_STATEMENT =
      "{\"Sid\":\"their-s3\",\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"s3.amazonaws.com\"},\"Action\":\"sns:Publish\","
          + "\"Resource\":\""
          + ARN
          + "\"}";

  private static String policy(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  /**
   * Topic cases: created by irctl?, policy, a foreign subscription?, --delete-topic; expected:
   * topic deleted?, statements left (Sids, when kept), the warning's words.
   */
  static Stream<Arguments> topics() {
    Map<String, String> irctl = Map.of("managed-by", "irctl");
    return Stream.of(
        Arguments.of(
            "clean irctl topic", irctl, policy(OURS_STATEMENT), false, true, true, List.of(), null),
        Arguments.of(
            "irctl topic with a foreign statement",
            irctl,
            policy(OURS_STATEMENT, THEIRS_STATEMENT),
            false,
            true,
            false,
            List.of("their-s3"),
            "statements irctl did not write (their-s3)"),
        Arguments.of(
            "irctl topic with a foreign subscription",
            irctl,
            policy(OURS_STATEMENT),
            true,
            true,
            false,
            List.of(),
            "subscriptions irctl did not make (sqs:arn:aws:sqs:q)"),
        Arguments.of(
            "irctl topic with both, dry-run wording the same",
            irctl,
            policy(OURS_STATEMENT, THEIRS_STATEMENT),
            true,
            true,
            false,
            List.of("their-s3"),
            "subscriptions irctl did not make"),
        Arguments.of(
            "adopted topic, --delete-topic",
            Map.of(),
            policy(THEIRS_STATEMENT, OURS_STATEMENT),
            false,
            true,
            false,
            List.of("their-s3"),
            "irctl did not create it"),
        Arguments.of(
            "adopted topic, no --delete-topic",
            Map.of(),
            policy(THEIRS_STATEMENT, OURS_STATEMENT),
            true,
            false,
            false,
            List.of("their-s3"),
            null),
        Arguments.of(
            "irctl topic kept without the flag",
            irctl,
            policy(OURS_STATEMENT, THEIRS_STATEMENT),
            false,
            false,
            false,
            List.of("their-s3"),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topics")
  void aTopicIsDeletedOnlyWhenNobodyElseUsesItAndIrctlsStatementGoesEitherWay(
      String name,
      Map<String, String> tags,
      String policy,
      boolean foreignSubscription,
      boolean deleteTopic,
      boolean deleted,
      List<String> sidsLeft,
      String warning) {
    aws.snsIn("eu-west-1").existing("irctl-alerts", policy, tags);
    if (foreignSubscription) {
      aws.snsIn("eu-west-1")
          .existingSubscription("irctl-alerts", new Subscription("sqs", "arn:aws:sqs:q", false));
    }
    seed("irctl-a", Map.of("managed-by", "irctl"), List.of(ours()));

    PartResult planned = PartRun.run(aws, 2, euWest1.regions(), part(deleteTopic), true).get(0);
    PartResult applied = remove(deleteTopic).get(0);

    assertThat(applied.status()).isEqualTo(PartStatus.APPLIED);
    assertThat(planned.changes()).isEqualTo(applied.changes());
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts").isEmpty()).isEqualTo(deleted);
    if (!deleted) {
      String left = aws.snsIn("eu-west-1").topic("irctl-alerts").get().attributes().get("Policy");
      assertThat(SnsTopicPolicy.foreignSids(SnsTopicPolicy.parse(left, ARN)))
          .containsExactlyElementsOf(sidsLeft);
      // Ours stays only when it is the policy's only statement (a topic policy needs one).
      boolean oursRemoved = !sidsLeft.isEmpty();
      assertThat(SnsTopicPolicy.current(SnsTopicPolicy.parse(left, ARN)).isEmpty())
          .isEqualTo(oursRemoved);
      assertThat(planned.changes())
          .extracting(c -> c.action() + " " + c.resource())
          .containsExactlyElementsOf(
              oursRemoved
                  ? List.of("UPDATE topic policy " + ARN, "DELETE rule irctl-a")
                  : List.of("DELETE rule irctl-a"));
      assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts").get().subscriptions())
          .hasSize(foreignSubscription ? 1 : 0);
    }
    if (warning == null) {
      assertThat(planned.notes().warnings()).noneMatch(w -> w.contains("kept topic"));
    } else {
      assertThat(planned.notes().warnings())
          .anyMatch(w -> w.startsWith("kept topic " + ARN) && w.contains(warning));
    }
    aws.log().clear();
    assertThat(remove(deleteTopic).get(0).status()).isEqualTo(PartStatus.IN_SYNC);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aSubscriptionIrctlMadeDoesNotKeepTheTopic() {
    aws.snsIn("eu-west-1")
        .existing("irctl-alerts", policy(OURS_STATEMENT), Map.of("managed-by", "irctl"))
        .existingSubscription("irctl-alerts", new Subscription("email", "Ops@Example.com", true));
    PartRun.run(
        aws,
        2,
        euWest1.regions(),
        new RemoveRulesPart(
            new RemoveRulesPart.Request(
                "default",
                "irctl-alerts",
                true,
                List.of(new SubscriptionSpec("email", "ops@example.com")))),
        false);
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts")).isEmpty();
  }

  @Test
  void ourStatementStaysWhenItIsThePolicysOnlyOneOnAKeptTopic() {
    aws.snsIn("eu-west-1").existing("irctl-alerts", policy(OURS_STATEMENT), Map.of());
    PartResult result = remove(false).get(0);
    assertThat(aws.log().writes()).isEmpty();
    assertThat(result.notes().warnings()).anyMatch(w -> w.contains("only statement"));
  }

  private RemoveRulesPart part(boolean deleteTopic) {
    return new RemoveRulesPart(new RemoveRulesPart.Request("default", "irctl-alerts", deleteTopic));
  }
}
