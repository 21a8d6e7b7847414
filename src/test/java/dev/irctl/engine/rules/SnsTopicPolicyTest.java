package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.Subscription;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SnsTopicPolicyTest {
  private static final String TOPIC = "arn:aws:sns:eu-west-1:111122223333:irctl-alerts";
  private static final Identity ID =
      new Identity("111122223333", "aws", "arn:aws:iam::111122223333:user/x");
  private static final String FOREIGN =
      "{\"Sid\":\"AllowCloudWatchAlarms\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"},"
          + "\"Action\":\"sns:Publish\",\"Resource\":\""
          + TOPIC
          + "\"}";
  private final ObjectNode statement = SnsTopicPolicy.statement(TOPIC, ID, "eu-west-1", "default");

  @Test
  void theStatementScopesPublishToThisAccountsIrctlRulesInTheRegion() {
    assertThat(statement.at("/Condition/StringEquals/aws:SourceAccount").asText())
        .isEqualTo("111122223333");
    assertThat(statement.at("/Condition/ArnLike/aws:SourceArn").asText())
        .isEqualTo("arn:aws:events:eu-west-1:111122223333:rule/irctl-*");
    assertThat(SnsTopicPolicy.ruleArnPattern(ID, "eu-west-1", "security"))
        .isEqualTo("arn:aws:events:eu-west-1:111122223333:rule/security/irctl-*");
    assertThat(
            SnsTopicPolicy.ruleArnPattern(
                new Identity("1", "aws-cn", "x"), "cn-north-1", "default"))
        .startsWith("arn:aws-cn:events:cn-north-1:1:");
  }

  @Test
  void mergeKeepsForeignStatementsAndAddsOurs() {
    ObjectNode existing =
        SnsTopicPolicy.parse(
            "{\"Version\":\"2012-10-17\",\"Id\":\"mine\",\"Statement\":[" + FOREIGN + "]}", TOPIC);

    ObjectNode merged = SnsTopicPolicy.merge(existing, statement);

    assertThat(merged.get("Id").asText()).isEqualTo("mine");
    assertThat(merged.get("Statement")).hasSize(2);
    assertThat(merged.get("Statement").get(0)).isEqualTo(existing.get("Statement").get(0));
    assertThat(merged.get("Statement").get(1)).isEqualTo(statement);
  }

  @Test
  void mergeReplacesOnlyOurOwnOutdatedStatement() {
    ObjectNode old = statement.deepCopy();
    old.with("Condition")
        .with("ArnLike")
        .put("aws:SourceArn", "arn:aws:events:eu-west-1:111122223333:rule/*");
    ObjectNode existing =
        SnsTopicPolicy.parse("{\"Statement\":[" + FOREIGN + "," + old + "]}", TOPIC);

    ObjectNode merged = SnsTopicPolicy.merge(existing, statement);

    assertThat(merged.get("Statement")).hasSize(2);
    assertThat(merged.get("Statement").get(1)).isEqualTo(statement);
  }

  @Test
  void aSingleStatementObjectIsReadAsAList() {
    ObjectNode existing = SnsTopicPolicy.parse("{\"Statement\":" + FOREIGN + "}", TOPIC);

    assertThat(SnsTopicPolicy.merge(existing, statement).get("Statement")).hasSize(2);
  }

  @Test
  void anUnreadablePolicyIsAConflictNamingTheTopic() {
    assertThatThrownBy(() -> SnsTopicPolicy.parse("{not json", TOPIC))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("the policy of topic " + TOPIC + " cannot be read")
        .hasMessageContaining("changed nothing");
  }

  @Test
  void topicPlannerWritesNothingWhenOurStatementIsAlreadyThere() {
    String policy =
        SnsTopicPolicy.merge(
                SnsTopicPolicy.parse("{\"Statement\":[" + FOREIGN + "]}", TOPIC), statement)
            .toString();
    ActualTopic topic =
        new ActualTopic(TOPIC, java.util.Map.of("Policy", policy), java.util.Map.of(), List.of());

    TopicPlanner.Result result =
        TopicPlanner.plan(
            TOPIC,
            new TopicSpec("irctl-alerts", Optional.empty(), List.of()),
            Optional.of(topic),
            statement);

    assertThat(result.changes()).isEmpty();
  }

  @Test
  void topicPlannerNeitherDuplicatesExistingNorPendingSubscriptions() {
    ActualTopic topic =
        new ActualTopic(
            TOPIC,
            java.util.Map.of("Policy", SnsTopicPolicy.fresh(statement).toString()),
            java.util.Map.of(),
            List.of(new Subscription("email", "SOC@example.com", true)));
    TopicSpec spec =
        new TopicSpec(
            "irctl-alerts",
            Optional.empty(),
            List.of(
                new SubscriptionSpec("email", "soc@example.com"),
                new SubscriptionSpec("https", "https://hooks.example.com/x")));

    TopicPlanner.Result result = TopicPlanner.plan(TOPIC, spec, Optional.of(topic), statement);

    assertThat(result.changes())
        .containsExactly(
            new TopicChange.Subscribe(
                new SubscriptionSpec("https", "https://hooks.example.com/x")));
    assertThat(result.pendingSubscriptions())
        .containsExactly("email:SOC@example.com", "https:https://hooks.example.com/x");
  }
}
