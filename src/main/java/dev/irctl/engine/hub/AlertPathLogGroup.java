package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tamper path's second target: a log group that keeps the evidence when SNS is gone, and the
 * CloudWatch Logs resource policy that lets EventBridge write to it (EventBridge authorises log
 * targets by resource policy, not by a role). Pure.
 */
public final class AlertPathLogGroup {
  public static final String NAME = "/irctl/alert-path";
  public static final String POLICY_NAME = "irctl-eventbridge-alert-path";
  public static final int RETENTION_DAYS = 400;

  private AlertPathLogGroup() {}

  public static String arn(String partition, String region, String account) {
    return "arn:" + partition + ":logs:" + region + ":" + account + ":log-group:" + NAME;
  }

  /** EventBridge may create streams and put events in this log group only. */
  public static ObjectNode resourcePolicy(String partition, String region, String account) {
    ObjectNode policy = JsonNodeFactory.instance.objectNode();
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Sid", "EventBridgeToIrctlAlertPath");
    statement.put("Effect", "Allow");
    statement
        .putObject("Principal")
        .putArray("Service")
        .add("events.amazonaws.com")
        .add("delivery.logs.amazonaws.com");
    statement.putArray("Action").add("logs:CreateLogStream").add("logs:PutLogEvents");
    statement.put("Resource", arn(partition, region, account) + ":*");
    return policy;
  }
}
