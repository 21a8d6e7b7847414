package dev.irctl.engine.rules;

import dev.irctl.engine.Input;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.port.AccountPort.Identity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The plan of a region that forwards to the hub: its forwarder rules (derived from the rules it
 * would carry without a hub, so regions that gain rules gain forwarders), no topic and no
 * subscriptions. The catalog rules it carried before are replaced; the per-region topic they sent
 * to is left in place and said so, and deleted with --prune when nobody else uses it. Pure.
 */
final class ForwardingPlanner {
  private ForwardingPlanner() {}

  /**
   * {@code carried}: a region that was not chosen, forwarding its carried sign-in rules' events (to
   * the hub, or without one to a chosen region); prune never runs there, so its old topic is only
   * reported.
   */
  static RegionPlan plan(
      String region,
      ApplyRulesRequest request,
      Identity identity,
      RegionState state,
      boolean carried) {
    String hub = request.hubRegion().orElseThrow();
    List<DesiredRule> forwarders = ForwarderRules.forRegion(request.forwardedRulesFor(region), hub);
    // Only the selection's own rules are replaced here: a rule outside a narrowed selection keeps
    // alerting locally until a run that selects it has put it in the hub too.
    Set<String> selected =
        request.rules().stream().map(DesiredRule::name).collect(Collectors.toSet());
    Replaced replaced =
        Replaced.of(
            state.rules(),
            forwarders,
            rule -> selected.contains(rule.name()) || ForwarderRules.isForwarder(rule.name()),
            carried
                ? "replaced by the forwarders to " + hub + ", whose topic alerts"
                : "replaced by the forwarders to the hub region " + hub);
    RulePlanner.Result rules =
        RulePlanner.plan(
            forwarders,
            replaced.rest(),
            RuleTargets.forwarding(identity, hub),
            request.prune(),
            Set.copyOf(request.keptIds()));
    List<String> warnings = new ArrayList<>(rules.warnings());
    warnings.addAll(replaced.warnings());
    List<TopicChange> topicChanges = new ArrayList<>();
    state
        .topic()
        .ifPresent(
            topic ->
                topicChanges.addAll(
                    carried
                        ? carriedTopic(topic, hub, warnings)
                        : oldTopic(topic, request, hub, warnings)));
    List<RuleChange> ruleChanges = new ArrayList<>(replaced.deletes());
    ruleChanges.addAll(rules.changes());
    return new RegionPlan(
        region,
        "",
        topicChanges,
        ruleChanges,
        rules.unchanged(),
        rules.orphans(),
        List.of(),
        warnings,
        rules.unconfirmed());
  }

  /**
   * A carried region's topic (an earlier irctl alerted there): kept, since another run that chose
   * this region may use it, and said so.
   */
  private static List<TopicChange> carriedTopic(
      ActualTopic topic, String to, List<String> warnings) {
    warnings.add(
        "kept the topic "
            + topic.arn()
            + " (and its subscriptions): the sign-in rules of this region now forward to "
            + to
            + " and alert through the topic there. irctl leaves it in place because this region"
            + " was not chosen (a run that chooses it may use the topic); delete it when nothing"
            + " does.");
    return List.of();
  }

  /** The topic this region alerted to before the hub: kept unless --prune. */
  private static List<TopicChange> oldTopic(
      ActualTopic topic, ApplyRulesRequest request, String hub, List<String> warnings) {
    if (!request.prune()) {
      warnings.add(
          "kept the per-region topic "
              + topic.arn()
              + " (and its subscriptions): alerts from this region now go to the topic in the hub"
              + " region "
              + hub
              + ". "
              + Input.PRUNE.ref()
              + " deletes it when irctl created it and nobody else uses it.");
      return List.of();
    }
    RemoveRulesPart.Request removal =
        new RemoveRulesPart.Request(
            request.bus(), request.topic().name(), true, request.topic().subscriptions());
    return RemoveRulesPart.topicPlan(topic, false, removal, warnings);
  }
}
