package dev.irctl.engine.rules;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.RuleTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An {@code irctl-}-prefixed rule on the bus, with its tags and targets. */
public record ActualRule(BusRule rule, Map<String, String> tags, List<RuleTarget> targets) {
  public ActualRule {
    tags = Map.copyOf(tags);
    targets = List.copyOf(targets);
  }

  public String name() {
    return rule.name();
  }

  /** irctl owns a rule only with both marks: the exact prefix and the managed-by tag. */
  public boolean ownedByIrctl() {
    return rule.name().startsWith(Ownership.NAME_PREFIX) && Ownership.taggedByIrctl(tags);
  }

  /** irctl's alert target (the topic). */
  public Optional<RuleTarget> irctlTarget() {
    return target(RuleTarget.IRCTL_TARGET_ID);
  }

  public Optional<RuleTarget> target(String id) {
    return targets.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  public List<String> foreignTargetIds() {
    return targets.stream().filter(t -> !t.irctls()).map(RuleTarget::id).toList();
  }
}
