package dev.irctl.engine.rules;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.RuleTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code irctl-}-prefixed rule on the bus, with its tags and targets. Its tags may not be read
 * yet ({@link #unread}): apply-rules reads a rule's tags only when the plan would change, delete or
 * report it, because a rule whose content already matches is left alone whoever owns it. A rule
 * whose tags were not read is never owned: nothing writes to it.
 */
public record ActualRule(
    BusRule rule, Map<String, String> tags, List<RuleTarget> targets, boolean tagsRead) {
  public ActualRule {
    tags = Map.copyOf(tags);
    targets = List.copyOf(targets);
  }

  public ActualRule(BusRule rule, Map<String, String> tags, List<RuleTarget> targets) {
    this(rule, tags, targets, true);
  }

  /** A rule as ListRules and ListTargetsByRule found it, before ListTagsForResource. */
  public static ActualRule unread(BusRule rule, List<RuleTarget> targets) {
    return new ActualRule(rule, Map.of(), targets, false);
  }

  public ActualRule withTags(Map<String, String> read) {
    return new ActualRule(rule, read, targets, true);
  }

  public String name() {
    return rule.name();
  }

  /**
   * irctl owns a rule only with both marks: the exact prefix and the managed-by tag (so never one
   * whose tags were not read).
   */
  public boolean ownedByIrctl() {
    return tagsRead
        && rule.name().startsWith(Ownership.NAME_PREFIX)
        && Ownership.taggedByIrctl(tags);
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
