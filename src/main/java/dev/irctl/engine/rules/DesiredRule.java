package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.RuleDefinition;
import java.util.Map;

/**
 * One EventBridge rule as irctl wants it: the catalog rule rendered with the user's parameters.
 * {@code title} and {@code severity} feed the readable alert message; {@code global} rules live
 * only in us-east-1.
 */
public record DesiredRule(
    String name,
    String ruleId,
    String title,
    String severity,
    String description,
    JsonNode pattern,
    String state,
    Map<String, String> tags,
    boolean global) {
  public DesiredRule {
    tags = Map.copyOf(tags);
  }

  public RuleDefinition definition() {
    return new RuleDefinition(name, description, pattern, state);
  }
}
