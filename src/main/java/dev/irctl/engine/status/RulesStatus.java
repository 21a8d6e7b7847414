package dev.irctl.engine.status;

import dev.irctl.engine.rules.RegionPlan;
import dev.irctl.engine.rules.RuleChange;

/**
 * How a region's irctl rules compare with the selected catalog rules: in sync, drifted (pattern,
 * state, target or tags differ), missing, and orphaned (irctl's, no longer selected).
 */
public record RulesStatus(int inSync, int drifted, int missing, int orphaned) {
  /** From a plan made without --prune, so orphans are counted rather than planned for deletion. */
  public static RulesStatus of(RegionPlan plan) {
    int drifted =
        (int) plan.ruleChanges().stream().filter(c -> c instanceof RuleChange.UpdateRule).count();
    int missing =
        (int) plan.ruleChanges().stream().filter(c -> c instanceof RuleChange.CreateRule).count();
    return new RulesStatus(plan.unchangedRules(), drifted, missing, plan.orphans().size());
  }

  public boolean ok() {
    return drifted == 0 && missing == 0;
  }
}
