package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.hub.MatchingBus;
import dev.irctl.engine.rules.RuleScopes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What CloudFormation makes of a rules template in one region: its Conditions evaluated for {@code
 * AWS::Region} (and {@code AWS::Partition}), conditioned resources dropped, {@code Fn::If} property
 * values resolved. Knows only the functions the template uses and fails on any other.
 */
public final class TemplateInRegion {
  /** One {@code AWS::Events::Rule} as it is created there. */
  public record EventRule(
      String logicalId, String name, JsonNode pattern, String state, JsonNode targets) {}

  private final JsonNode template;
  private final String region;

  public TemplateInRegion(JsonNode template, String region) {
    this.template = template;
    this.region = region;
  }

  public List<EventRule> rules() {
    List<EventRule> rules = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : template.path("Resources").properties()) {
      JsonNode resource = entry.getValue();
      if (!"AWS::Events::Rule".equals(resource.path("Type").asText())) {
        continue;
      }
      if (resource.has("Condition") && !condition(resource.get("Condition").asText())) {
        continue;
      }
      JsonNode properties = resource.path("Properties");
      rules.add(
          new EventRule(
              entry.getKey(),
              resolve(properties.path("Name")).asText(),
              resolve(properties.path("EventPattern")),
              resolve(properties.path("State")).asText(),
              properties.path("Targets")));
    }
    return rules;
  }

  /** The rules, deployed on a bus event-ruler matches on. */
  public MatchingBus bus() {
    MatchingBus bus = new MatchingBus();
    rules().forEach(rule -> bus.add(rule.name(), rule.pattern(), rule.state()));
    return bus;
  }

  boolean condition(String name) {
    JsonNode definition = template.path("Conditions").path(name);
    if (definition.isMissingNode()) {
      throw new AssertionError("no condition " + name + " in the template");
    }
    return evaluate(definition);
  }

  private boolean evaluate(JsonNode condition) {
    if (condition.has("Condition")) {
      return condition(condition.get("Condition").asText());
    }
    if (condition.has("Fn::Not")) {
      return !evaluate(condition.get("Fn::Not").get(0));
    }
    if (condition.has("Fn::Or")) {
      boolean any = false;
      for (JsonNode each : condition.get("Fn::Or")) {
        any |= evaluate(each);
      }
      return any;
    }
    if (condition.has("Fn::And")) {
      boolean all = true;
      for (JsonNode each : condition.get("Fn::And")) {
        all &= evaluate(each);
      }
      return all;
    }
    if (condition.has("Fn::Equals")) {
      JsonNode args = condition.get("Fn::Equals");
      return value(args.get(0)).equals(value(args.get(1)));
    }
    throw new AssertionError("unknown condition function: " + condition);
  }

  private String value(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    return switch (node.path("Ref").asText()) {
      case "AWS::Region" -> region;
      case "AWS::Partition" -> RuleScopes.partition(region);
      default -> throw new AssertionError("unknown value in a condition: " + node);
    };
  }

  private JsonNode resolve(JsonNode value) {
    if (value.isObject() && value.has("Fn::If")) {
      JsonNode args = value.get("Fn::If");
      return resolve(condition(args.get(0).asText()) ? args.get(1) : args.get(2));
    }
    return value;
  }
}
