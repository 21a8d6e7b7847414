package dev.irctl.engine.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * irctl rules another kind of rule now does the work of (a catalog rule in a region that forwards
 * to the hub, a forwarder in the hub or without one): deleted whatever --prune says, since leaving
 * them would alert twice or loop, unless a target irctl did not add keeps the rule. The rest go to
 * the {@link RulePlanner}. Pure.
 */
record Replaced(List<RuleChange> deletes, List<ActualRule> rest, List<String> warnings) {
  static Replaced of(
      List<ActualRule> actual,
      List<DesiredRule> desired,
      Predicate<ActualRule> replaced,
      String reason) {
    Set<String> wanted = desired.stream().map(DesiredRule::name).collect(Collectors.toSet());
    List<RuleChange> deletes = new ArrayList<>();
    List<ActualRule> rest = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    for (ActualRule rule : actual) {
      if (!rule.ownedByIrctl() || wanted.contains(rule.name()) || !replaced.test(rule)) {
        rest.add(rule);
      } else if (!rule.foreignTargetIds().isEmpty()) {
        warnings.add(RulePlanner.keptForForeignTargets(rule));
      } else {
        deletes.add(new RuleChange.DeleteRule(rule.name(), RulePlanner.targetIds(rule), reason));
      }
    }
    return new Replaced(deletes, rest, warnings);
  }
}
