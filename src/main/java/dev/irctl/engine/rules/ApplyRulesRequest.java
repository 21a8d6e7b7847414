package dev.irctl.engine.rules;

import java.util.List;

/**
 * Everything apply-rules was asked to do, already checked: the rules, where, and how alerts are
 * delivered. {@code keptIds} are catalog rule ids outside the selection that prune must leave alone
 * (a narrowed selection never deletes rules outside it): prune deletes only orphans whose id is in
 * no loaded catalog or was excluded.
 */
public record ApplyRulesRequest(
    String bus,
    TopicSpec topic,
    MessageFormat messageFormat,
    boolean prune,
    List<DesiredRule> rules,
    List<String> keptIds) {
  public static final String DEFAULT_BUS = "default";

  public ApplyRulesRequest {
    rules = List.copyOf(rules);
    keptIds = List.copyOf(keptIds);
  }

  /** Prune may delete any orphaned irctl rule (no catalog to protect other rules). */
  public ApplyRulesRequest(
      String bus,
      TopicSpec topic,
      MessageFormat messageFormat,
      boolean prune,
      List<DesiredRule> rules) {
    this(bus, topic, messageFormat, prune, rules, List.of());
  }

  /** The same request without prune (status never deletes). */
  public ApplyRulesRequest withoutPrune() {
    return new ApplyRulesRequest(bus, topic, messageFormat, false, rules, keptIds);
  }

  /**
   * The rules that belong in {@code region}: global ones only in their partition's home region,
   * where their events arrive (see {@link RuleScopes}).
   */
  public List<DesiredRule> rulesFor(String region) {
    return rules.stream().filter(r -> RuleScopes.belongsIn(r, region)).toList();
  }
}
