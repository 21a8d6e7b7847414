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
 * records console sign-ins ({@link RuleScopes#carried}).
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

  /** A rule that watches no console sign-ins. */
  public DesiredRule(
      String name,
      String ruleId,
      String title,
      String severity,
      String description,
      JsonNode pattern,
      String state,
      Map<String, String> tags,
      boolean global,
      boolean watchesAlertPath) {
    this(
        name,
        ruleId,
        title,
        severity,
        description,
        pattern,
        state,
        tags,
        global,
        watchesAlertPath,
        ConsoleSignIns.NONE);
  }

  /** A rule that does not watch the alert path. */
  public DesiredRule(
      String name,
      String ruleId,
      String title,
      String severity,
      String description,
      JsonNode pattern,
      String state,
      Map<String, String> tags,
      boolean global) {
    this(name, ruleId, title, severity, description, pattern, state, tags, global, false);
  }

  public RuleDefinition definition() {
    return new RuleDefinition(name, description, pattern, state);
  }
}
