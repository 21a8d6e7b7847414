package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds rule documents for tests: valid defaults, then the one field a test is about. */
public final class TestRules {
  private final ObjectNode node;

  private TestRules(ObjectNode node) {
    this.node = node;
  }

  /** A valid regional EC2 rule with two match and two noMatch examples. */
  public static TestRules rule(String id) {
    ObjectNode node =
        TestEvents.object(
            """
        {"id":"%s","title":"Test rule","description":"Catches test events.","rationale":"Because tests.",
         "severity":"high","category":"test","scope":"regional","scopeNote":"EC2 events arrive in their region.",
         "eventPattern":{"source":["aws.ec2"],"detail-type":["AWS API Call via CloudTrail"],
                         "detail":{"eventName":["TerminateInstances"]}},
         "examples":{"match":[],"noMatch":[]}}
        """
                .formatted(id));
    TestRules rules = new TestRules(node);
    rules.match(TestEvents.apiCall("ec2.amazonaws.com", "TerminateInstances"));
    rules.match(TestEvents.apiCall("ec2.amazonaws.com", "TerminateInstances"));
    rules.noMatch(TestEvents.apiCall("ec2.amazonaws.com", "StopInstances"));
    rules.noMatch(TestEvents.apiCall("ec2.amazonaws.com", "RunInstances"));
    return rules;
  }

  public TestRules set(String field, String json) {
    node.set(field, TestEvents.json(json));
    return this;
  }

  public TestRules pattern(String json) {
    return set("eventPattern", json);
  }

  public TestRules parameter(String json) {
    ((ArrayNode) node.withArray("parameters")).add(TestEvents.json(json));
    return this;
  }

  public TestRules match(JsonNode event) {
    ((ArrayNode) node.withObject("examples").withArray("match")).add(event);
    return this;
  }

  public TestRules noMatch(JsonNode event) {
    ((ArrayNode) node.withObject("examples").withArray("noMatch")).add(event);
    return this;
  }

  public TestRules clearExamples() {
    node.set("examples", TestEvents.json("{\"match\":[],\"noMatch\":[]}"));
    return this;
  }

  public ObjectNode document() {
    return node;
  }

  public String json() {
    return node.toPrettyString();
  }

  /**
   * The rule, read as the loader reads a file (without the schema check, so tests can build what it
   * forbids).
   */
  public Rule build() {
    return RuleReader.read(node, node.path("id").asText() + ".json");
  }
}
