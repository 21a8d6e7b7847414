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
   * The rules that belong in {@code region}: global ones only in their partition's home region,
   * where their events arrive (see {@link RuleScopes}).
   */
  public List<DesiredRule> rulesFor(String region) {
    return rules.stream().filter(r -> RuleScopes.belongsIn(r, region)).toList();
  }
}
