package dev.irctl.engine.rules;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import java.util.List;
import java.util.Set;

/**
 * Whether a region the sign-in rules are carried to (without a hub) keeps alerting to its own topic
 * instead of forwarding: it does when another run chose it, that is when an irctl rule outside the
 * carried ones (and not a forwarder) alerts to the region's topic. Forwarding it would undo that
 * run, and that run would undo this one. One rule, read two ways: from the state the rules part
 * read, and by the forwarder role, which needs to know whether any carried region forwards before
 * it plans the role.
 */
public final class LocalAlerting {
  private LocalAlerting() {}

  /** From the region's irctl rules as read, with their targets; {@code carried}: their names. */
  static boolean alertsHere(List<ActualRule> rules, Set<String> carried, String topicArn) {
    return rules.stream()
        .filter(r -> anotherRuns(r.name(), carried))
        .anyMatch(r -> alertsTo(r, topicArn));
  }

  /**
   * Read for itself: the region's irctl rules (one ListRules), then the targets of those outside
   * {@code carried}, one at a time until one alerts to the topic (a region another run chose has
   * many, all alerting there; one carried-only region has none to read).
   */
  public static boolean alertsHere(
      EventBridgePort events, List<DesiredRule> carried, String topicArn) {
    Set<String> names = RulesPart.carriedNames(carried);
    String bus = ApplyRulesRequest.DEFAULT_BUS;
    for (BusRule rule : events.listRules(bus, Ownership.NAME_PREFIX)) {
      if (anotherRuns(rule.name(), names)
          && alertsTo(ActualRule.unread(rule, events.listTargets(bus, rule.name())), topicArn)) {
        return true;
      }
    }
    return false;
  }

  private static boolean anotherRuns(String name, Set<String> carried) {
    return name.startsWith(Ownership.NAME_PREFIX)
        && !carried.contains(name)
        && !ForwarderRules.isForwarder(name);
  }

  private static boolean alertsTo(ActualRule rule, String topicArn) {
    return rule.irctlTarget().map(t -> t.arn().equals(topicArn)).orElse(false);
  }
}
