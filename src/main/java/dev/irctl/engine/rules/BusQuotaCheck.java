package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.EventBridgeQuotas;
import dev.irctl.engine.Input;
import dev.irctl.engine.port.BusRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a region's bus still fits EventBridge's per-bus quotas once a plan is applied: rules per
 * bus ({@link EventBridgeQuotas#rulesPerBus}: 300, 100 in af-south-1 and eu-south-1) and rules
 * whose pattern uses a wildcard filter (30, not adjustable). It counts every rule on the bus as
 * ListRules returns it (irctl's and everyone else's, with their patterns), takes away the rules the
 * plan deletes and puts in the patterns it creates or rewrites. Pure: the caller reads the bus. The
 * same limits {@code rules validate} checks the catalog against.
 */
public final class BusQuotaCheck {
  private static final ObjectMapper JSON = new ObjectMapper();

  private BusQuotaCheck() {}

  /** Whether {@code plan} has a change that can add a rule or a wildcard to the bus. */
  static boolean needsCheck(RegionPlan plan) {
    return plan.ruleChanges().stream()
        .anyMatch(
            c ->
                c instanceof RuleChange.CreateRule
                    || (c instanceof RuleChange.UpdateRule u && u.putRule()));
  }

  /** The problem, in a sentence or two, when the bus would not fit; empty when it does. */
  public static Optional<String> problem(
      String region, String bus, List<BusRule> onBus, RegionPlan plan) {
    Map<String, Boolean> wildcardByName = new LinkedHashMap<>();
    onBus.forEach(
        r ->
            wildcardByName.put(
                r.name(), r.eventPattern().map(BusQuotaCheck::usesWildcard).orElse(false)));
    int before = wildcardByName.size();
    for (RuleChange change : plan.ruleChanges()) {
      if (change instanceof RuleChange.DeleteRule d) {
        wildcardByName.remove(d.ruleName());
      } else if (change instanceof RuleChange.CreateRule c) {
        wildcardByName.put(c.rule().name(), EventBridgeQuotas.usesWildcard(c.rule().pattern()));
      } else if (change instanceof RuleChange.UpdateRule u && u.putRule()) {
        wildcardByName.put(u.rule().name(), EventBridgeQuotas.usesWildcard(u.rule().pattern()));
      }
    }
    int quota = EventBridgeQuotas.rulesPerBus(region);
    if (wildcardByName.size() > quota) {
      return Optional.of(
          "event bus "
              + bus
              + " holds "
              + before
              + " rules and "
              + (wildcardByName.size() - before)
              + " more would pass EventBridge's quota of "
              + quota
              + " rules per bus in "
              + region
              + ". Nothing was changed in this region: delete unused rules or select fewer rules,"
              + " or ask AWS for a higher quota.");
    }
    long wildcards = wildcardByName.values().stream().filter(w -> w).count();
    if (wildcards > EventBridgeQuotas.WILDCARD_RULES_PER_BUS) {
      long irctl =
          plan.ruleChanges().stream()
              .filter(c -> c instanceof RuleChange.CreateRule || c instanceof RuleChange.UpdateRule)
              .map(
                  c ->
                      c instanceof RuleChange.CreateRule cr
                          ? cr.rule()
                          : ((RuleChange.UpdateRule) c).rule())
              .filter(r -> EventBridgeQuotas.usesWildcard(r.pattern()))
              .count();
      return Optional.of(
          "event bus "
              + bus
              + " would hold "
              + wildcards
              + " rules whose pattern uses a wildcard filter, past EventBridge's quota of "
              + EventBridgeQuotas.WILDCARD_RULES_PER_BUS
              + " per bus (it cannot be raised)"
              + (irctl > 0 ? " (" + irctl + " of them created or rewritten by this plan)" : "")
              + ". Nothing was changed in this region: leave wildcard rules out with "
              + Input.EXCLUDE.ref()
              + " (irctl rules validate lists them) or delete other wildcard rules on the bus.");
    }
    return Optional.empty();
  }

  private static boolean usesWildcard(String pattern) {
    try {
      JsonNode tree = JSON.readTree(pattern);
      return tree != null && EventBridgeQuotas.usesWildcard(tree);
    } catch (Exception e) {
      // A pattern irctl cannot read is counted as EventBridge would: by whether it names a
      // wildcard.
      return pattern.contains("\"wildcard\"");
    }
  }
}
