package dev.irctl.engine.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Input;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.AccountPort.Identity;
import java.util.Optional;

/**
 * The one statement irctl adds to a topic policy so EventBridge may publish (without it delivery
 * fails silently), and the merge that adds it: every statement with another Sid is kept exactly as
 * it is, ours is added or replaced, and nothing is written when ours is already there and equal
 * (compared as JSON trees).
 */
public final class SnsTopicPolicy {
  /** Fixed, so irctl finds and replaces only its own statement. */
  public static final String SID = "irctl-eventbridge-publish";

  private static final ObjectMapper JSON = new ObjectMapper();

  private SnsTopicPolicy() {}

  /**
   * Allows {@code events.amazonaws.com} to publish, only for this account's {@code irctl-*} rules
   * in this region on this bus. Rule ARNs on the default bus are {@code rule/NAME}; on a custom bus
   * {@code rule/BUS/NAME}.
   */
  public static ObjectNode statement(
      String topicArn, Identity identity, String region, String bus) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Sid", SID);
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.put("Action", "sns:Publish");
    statement.put("Resource", topicArn);
    ObjectNode condition = statement.putObject("Condition");
    condition.putObject("StringEquals").put("aws:SourceAccount", identity.accountId());
    condition.putObject("ArnLike").put("aws:SourceArn", ruleArnPattern(identity, region, bus));
    return statement;
  }

  public static String ruleArnPattern(Identity identity, String region, String bus) {
    String busPart = ApplyRulesRequest.DEFAULT_BUS.equals(bus) ? "" : bus + "/";
    return "arn:"
        + identity.partition()
        + ":events:"
        + region
        + ":"
        + identity.accountId()
        + ":rule/"
        + busPart
        + "irctl-*";
  }

  /**
   * A policy for a topic irctl creates: our statement only (the account's own IAM policies still
   * apply).
   */
  public static ObjectNode fresh(ObjectNode statement) {
    ObjectNode policy = JSON.createObjectNode();
    policy.put("Version", "2012-10-17");
    policy.putArray("Statement").add(statement);
    return policy;
  }

  /** Our statement as it is in the existing policy, if it is there. */
  public static Optional<JsonNode> current(ObjectNode existing) {
    for (JsonNode statement : statements(existing)) {
      if (SID.equals(statement.path("Sid").asText(null))) {
        return Optional.of(statement);
      }
    }
    return Optional.empty();
  }

  /** The existing policy with ours added or replaced; the input is not modified. */
  public static ObjectNode merge(ObjectNode existing, ObjectNode statement) {
    ObjectNode merged = existing.deepCopy();
    ArrayNode result = JSON.createArrayNode();
    boolean replaced = false;
    for (JsonNode s : statements(existing)) {
      if (SID.equals(s.path("Sid").asText(null))) {
        result.add(statement);
        replaced = true;
      } else {
        result.add(s.deepCopy());
      }
    }
    if (!replaced) {
      result.add(statement);
    }
    merged.set("Statement", result);
    return merged;
  }

  /** The Sid SNS gives the statement of its own default policy (the owner account may manage). */
  public static final String AWS_DEFAULT_SID = "__default_statement_ID";

  /** The existing policy without irctl's statement; the input is not modified. */
  public static ObjectNode without(ObjectNode existing) {
    ObjectNode result = existing.deepCopy();
    ArrayNode kept = JSON.createArrayNode();
    for (JsonNode s : statements(existing)) {
      if (!SID.equals(s.path("Sid").asText(null))) {
        kept.add(s.deepCopy());
      }
    }
    result.set("Statement", kept);
    return result;
  }

  /**
   * The statements someone else wrote, by Sid ("(no Sid)" for one without): all but irctl's and the
   * owner statement SNS puts in a topic's default policy.
   */
  public static java.util.List<String> foreignSids(ObjectNode existing) {
    java.util.List<String> foreign = new java.util.ArrayList<>();
    for (JsonNode s : statements(existing)) {
      String sid = s.path("Sid").asText("");
      if (!SID.equals(sid) && !AWS_DEFAULT_SID.equals(sid)) {
        foreign.add(sid.isEmpty() ? "(no Sid)" : sid);
      }
    }
    return foreign;
  }

  /** How many statements the policy holds. */
  public static int statementCount(ObjectNode policy) {
    int n = 0;
    for (JsonNode ignored : statements(policy)) {
      n++;
    }
    return n;
  }

  /**
   * Parses a topic's policy. One that is not a JSON object is a conflict: irctl will not replace a
   * policy it cannot read with a narrower one.
   */
  public static ObjectNode parse(String policy, String topicArn) {
    try {
      JsonNode node = JSON.readTree(policy);
      if (node != null
          && node.isObject()
          && (node.path("Statement").isMissingNode()
              || node.get("Statement").isArray()
              || node.get("Statement").isObject())) {
        return (ObjectNode) node;
      }
      throw new PlanConflictException(
          unreadable(topicArn, "it is not a JSON object with a Statement list"));
    } catch (JsonProcessingException e) {
      throw new PlanConflictException(
          unreadable(topicArn, "it is not valid JSON (" + e.getOriginalMessage() + ")"));
    }
  }

  public static String compact(JsonNode node) {
    return node.toString();
  }

  private static String unreadable(String topicArn, String why) {
    return "the policy of topic "
        + topicArn
        + " cannot be read: "
        + why
        + ". irctl changed nothing in this region; fix the policy (aws sns get-topic-attributes) or use "
        + Input.TOPIC_NAME.ref()
        + " for another topic.";
  }

  /** A policy's statements; a single statement object is read as a list of one. */
  private static Iterable<JsonNode> statements(ObjectNode policy) {
    JsonNode statements = policy.path("Statement");
    if (statements.isObject()) {
      return JSON.createArrayNode().add(statements);
    }
    return statements.isArray() ? statements : JSON.createArrayNode();
  }
}
