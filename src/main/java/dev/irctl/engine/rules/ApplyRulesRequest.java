package dev.irctl.engine.rules;

import java.util.List;

/**
 * Everything apply-rules was asked to do, already checked: the rules, where, and how alerts are
 * delivered.
 */
public record ApplyRulesRequest(
    String bus,
    TopicSpec topic,
    MessageFormat messageFormat,
    boolean prune,
    List<DesiredRule> rules) {
  public static final String DEFAULT_BUS = "default";

  public ApplyRulesRequest {
    rules = List.copyOf(rules);
  }

  /**
   * The rules that belong in {@code region}: global ones only in us-east-1, where their events
   * arrive.
   */
  public List<DesiredRule> rulesFor(String region) {
    return rules.stream()
        .filter(r -> !r.global() || RuleScopes.GLOBAL_REGION.equals(region))
        .toList();
  }
}
