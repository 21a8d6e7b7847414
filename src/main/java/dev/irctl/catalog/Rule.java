package dev.irctl.catalog;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * One rule of the catalog, as read from {@code <id>.json} (see docs/rule-format.md). {@code
 * eventPattern} may hold placeholders; {@link PatternRenderer} substitutes them. {@code file} says
 * where the rule came from, for messages. The JSON nodes are shared: callers must not modify them
 * (the renderer works on a copy). {@code watchesAlertPath}: the rule reports tampering with irctl's
 * own alerting, so it also delivers to the alert-path log group (docs/alert-path.md). {@code
 * consoleSignIns}: the console sign-ins the rule watches, which AWS records in fixed regions, so
 * the rule also runs there ({@link ConsoleSignIns}).
 */
public record Rule(
    String id,
    String title,
    String description,
    String rationale,
    Severity severity,
    String category,
    Scope scope,
    String scopeNote,
    ManagementEvents managementEvents,
    List<RuleParameter> parameters,
    List<String> prerequisites,
    List<String> references,
    ObjectNode eventPattern,
    RuleExamples examples,
    String file,
    boolean watchesAlertPath,
    ConsoleSignIns consoleSignIns) {

  public Rule {
    parameters = List.copyOf(parameters);
    prerequisites = List.copyOf(prerequisites);
    references = List.copyOf(references);
    consoleSignIns = consoleSignIns == null ? ConsoleSignIns.NONE : consoleSignIns;
  }

  /** The EventBridge rule name irctl creates for this rule. */
  public String eventBridgeName() {
    return "irctl-" + id;
  }

  public Optional<RuleParameter> parameter(String name) {
    return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
  }
}
