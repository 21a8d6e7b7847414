package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The role EventBridge assumes to put events on the hub bus: trusted by {@code
 * events.amazonaws.com} for this account only, allowed {@code events:PutEvents} on the hub's
 * default bus and nothing else. Pure documents; compare them as JSON trees.
 */
public final class ForwarderRole {
  public static final String NAME = "irctl-event-forwarder";
  public static final String POLICY_NAME = "irctl-put-events-to-hub";
  public static final String DESCRIPTION =
      "irctl: lets EventBridge rules forward matched events to the hub region's default bus";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ForwarderRole() {}

  public static ObjectNode trustPolicy(String account) {
    ObjectNode policy = NODES.objectNode();
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Sid", "EventBridgeOfThisAccount");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "events.amazonaws.com");
    statement.put("Action", "sts:AssumeRole");
    statement.putObject("Condition").putObject("StringEquals").put("aws:SourceAccount", account);
    return policy;
  }

  public static ObjectNode permissionPolicy(String hubBusArn) {
    ObjectNode policy = NODES.objectNode();
    policy.put("Version", "2012-10-17");
    ArrayNode statements = policy.putArray("Statement");
    ObjectNode statement = statements.addObject();
    statement.put("Sid", "PutEventsOnTheHubBusOnly");
    statement.put("Effect", "Allow");
    statement.put("Action", "events:PutEvents");
    statement.put("Resource", hubBusArn);
    return policy;
  }

  public static Map<String, String> tags() {
    return Map.of("managed-by", "irctl");
  }
}
