package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.port.RuleDefinition;
import java.util.Map;

/**
 * One EventBridge rule as irctl wants it: the catalog rule rendered with the user's parameters.
 * {@code title} and {@code severity} feed the readable alert message; {@code global} rules live
 * only in the partition's home region. {@code watchesAlertPath} rules also deliver to the
 * alert-path log group ({@link AlertPathTarget}). {@code consoleSignIns} rules also run where AWS
 * records console sign-ins ({@link RuleScopes#carried}). One constructor: every caller says each of
 * these, so none can take a default it did not mean.
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
    boolean global,
    boolean watchesAlertPath,
    ConsoleSignIns consoleSignIns) {
  public DesiredRule {
    tags = Map.copyOf(tags);
    consoleSignIns = consoleSignIns == null ? ConsoleSignIns.NONE : consoleSignIns;
  }

  public RuleDefinition definition() {
    return new RuleDefinition(name, description, pattern, state);
  }
}
