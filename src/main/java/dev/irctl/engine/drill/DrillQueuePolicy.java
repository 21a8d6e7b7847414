package dev.irctl.engine.drill;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The drill queue's access policy: only the irctl topic may send to it. */
final class DrillQueuePolicy {
  private DrillQueuePolicy() {}

  static String document(String queueArn, String topicArn) {
    ObjectNode policy = JsonNodeFactory.instance.objectNode();
    policy.put("Version", "2012-10-17");
    ObjectNode statement = policy.putArray("Statement").addObject();
    statement.put("Sid", "IrctlDrillTopicOnly");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "sns.amazonaws.com");
    statement.put("Action", "sqs:SendMessage");
    statement.put("Resource", queueArn);
    statement.putObject("Condition").putObject("ArnEquals").put("aws:SourceArn", topicArn);
    return policy.toString();
  }
}
