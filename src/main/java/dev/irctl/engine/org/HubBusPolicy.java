package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The hub bus's resource policy statement that lets the organization's accounts forward events:
 * {@code events:PutEvents} on the hub bus for any principal whose account is in this organization
 * ({@code aws:PrincipalOrgID}). Merged into the bus's existing policy: irctl's statement (by Sid)
 * is added or replaced, every other statement is kept as it is, in its place.
 */
public final class HubBusPolicy {
  public static final String SID = "irctl-org-put-events";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private HubBusPolicy() {}

  public static ObjectNode statement(String organizationId, String busArn) {
    ObjectNode statement = NODES.objectNode();
    statement.put("Sid", SID);
    statement.put("Effect", "Allow");
    statement.put("Principal", "*");
    statement.put("Action", "events:PutEvents");
    statement.put("Resource", busArn);
    statement
        .putObject("Condition")
        .putObject("StringEquals")
        .put("aws:PrincipalOrgID", organizationId);
    return statement;
  }

  /** The existing policy (if any) with irctl's statement in it; foreign statements untouched. */
  public static ObjectNode merge(
      Optional<JsonNode> existing, String organizationId, String busArn) {
    ObjectNode policy = NODES.objectNode();
    policy.put(
        "Version", existing.map(p -> p.path("Version").asText("2012-10-17")).orElse("2012-10-17"));
    ArrayNode statements = policy.putArray("Statement");
    ObjectNode ours = statement(organizationId, busArn);
    boolean placed = false;
    for (JsonNode statement : existing.map(HubBusPolicy::statements).orElse(NODES.arrayNode())) {
      if (SID.equals(statement.path("Sid").asText())) {
        if (!placed) {
          statements.add(ours);
          placed = true;
        }
      } else {
        statements.add(statement.deepCopy());
      }
    }
    if (!placed) {
      statements.add(ours);
    }
    return policy;
  }

  /** Whether the existing policy already has exactly irctl's statement (no write needed). */
  public static boolean current(Optional<JsonNode> existing, String organizationId, String busArn) {
    ObjectNode ours = statement(organizationId, busArn);
    for (JsonNode statement : existing.map(HubBusPolicy::statements).orElse(NODES.arrayNode())) {
      if (ours.equals(statement)) {
        return true;
      }
    }
    return false;
  }

  /** A policy's statements; a single statement object counts as a list of one. */
  private static ArrayNode statements(JsonNode policy) {
    JsonNode statement = policy.path("Statement");
    if (statement.isArray()) {
      return (ArrayNode) statement;
    }
    ArrayNode one = NODES.arrayNode();
    if (statement.isObject()) {
      one.add(statement);
    }
    return one;
  }
}
