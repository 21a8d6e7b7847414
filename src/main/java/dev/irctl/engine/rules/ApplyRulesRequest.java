package dev.irctl.engine.rules;

import java.util.List;
import java.util.Optional;

/**
 * Everything apply-rules was asked to do, already checked: the rules, where, and how alerts are
 * delivered. {@code keptIds} are catalog rule ids outside the selection that prune must leave alone
 * (a narrowed selection never deletes rules outside it): prune deletes only orphans whose id is in
 * no loaded catalog or was excluded. With {@code hubRegion} the hub carries every rule and the one
 * topic; every other region only forwards (see {@link #forwards}). Sign-in rules also run in the
 * regions where AWS records console sign-ins, chosen or not ({@link #regions}).
 *
 * <p>{@code alsoForwarded}: with a hub and a selection narrowed by --rule/--category, the rest of
 * the whole selection (the catalog after --exclude, rendered as a run without --rule/--category
 * would render it). A narrowed run deploys only {@code rules}, but the forwarders must still carry
 * the events of every rule the hub keeps (a narrowed run never deletes the others there), or the
 * hub's other rules would silently stop receiving forwarded events. Empty without a hub or
 * narrowing.
 */
public record ApplyRulesRequest(
    String bus,
    TopicSpec topic,
    MessageFormat messageFormat,
    boolean prune,
    List<DesiredRule> rules,
    List<String> keptIds,
    Optional<String> hubRegion,
    List<DesiredRule> alsoForwarded) {
  public static final String DEFAULT_BUS = "default";

  public ApplyRulesRequest {
    rules = List.copyOf(rules);
    keptIds = List.copyOf(keptIds);
    hubRegion = hubRegion == null ? Optional.empty() : hubRegion;
    alsoForwarded = alsoForwarded == null ? List.of() : List.copyOf(alsoForwarded);
  }

  /** The same request without prune (status never deletes). */
  public ApplyRulesRequest withoutPrune() {
    return new ApplyRulesRequest(
        bus, topic, messageFormat, false, rules, keptIds, hubRegion, alsoForwarded);
  }

  /** The same request with one inbox in {@code hub}. */
  public ApplyRulesRequest withHub(String hub) {
    return new ApplyRulesRequest(
        bus, topic, messageFormat, prune, rules, keptIds, Optional.of(hub), alsoForwarded);
  }

  /** With a hub, a region other than the hub forwards events there instead of alerting itself. */
  public boolean forwards(String region) {
    return hubRegion.isPresent() && !hubRegion.get().equals(region);
  }

  /**
   * The rules deployed in {@code region} with their topic: in the hub every selected rule (global
   * ones too, since forwarded global events arrive there); without a hub {@link #rulesFor}; in a
   * forwarding region none (it gets forwarders).
   */
  public List<DesiredRule> alertingRulesIn(String region) {
    if (hubRegion.isEmpty()) {
      return rulesFor(region);
    }
    return hubRegion.get().equals(region) ? rules : List.of();
  }

  /**
   * The rules that belong in {@code region}: global ones only in their partition's home region,
   * where their events arrive (see {@link RuleScopes}).
   */
  public List<DesiredRule> rulesFor(String region) {
    return rules.stream().filter(r -> RuleScopes.belongsIn(r, region)).toList();
  }

  /**
   * The rules whose events a forwarding {@code region} sends to the hub: the selection and {@link
   * #alsoForwarded}, global ones only in their home region (as {@link #rulesFor}).
   */
  public List<DesiredRule> forwardedRulesFor(String region) {
    java.util.Set<String> names = new java.util.HashSet<>();
    List<DesiredRule> all = new java.util.ArrayList<>();
    for (DesiredRule rule : rules) {
      if (names.add(rule.name())) {
        all.add(rule);
      }
    }
    for (DesiredRule rule : alsoForwarded) {
      if (names.add(rule.name())) {
        all.add(rule);
      }
    }
    return all.stream().filter(r -> RuleScopes.belongsIn(r, region)).toList();
  }

  /**
   * The regions the rules part runs in: the chosen ones, then those sign-in rules are carried to.
   */
  public List<String> regions(List<String> chosen) {
    List<String> all = new java.util.ArrayList<>(chosen);
    all.addAll(RuleScopes.carried(rules, chosen).keySet());
    return all;
  }

  /**
   * In a region that was not chosen but carries sign-in rules: the request for that region alone,
   * its sign-in rules only and no prune (the region's other irctl rules are not this run's). Its
   * events are always forwarded, never alerted on there: to the hub, or without one to {@link
   * RuleScopes#signInDestination} (a chosen region, whose topic and subscriptions the user chose; a
   * topic of its own would mail a confirmation per region the user never named). Empty in a chosen
   * region.
   */
  public Optional<ApplyRulesRequest> carriedTo(String region, List<String> chosen) {
    List<DesiredRule> carried = RuleScopes.carried(rules, chosen).get(region);
    if (carried == null) {
      return Optional.empty();
    }
    return Optional.of(
        new ApplyRulesRequest(
            bus, topic, messageFormat, false, carried, keptIds, forwardTarget(chosen), List.of()));
  }

  /**
   * The same rules alerting to this region's topic, adding no subscription: for a carried region
   * that another run chose (whose topic and subscriptions are that run's).
   */
  public ApplyRulesRequest alertingLocally() {
    return new ApplyRulesRequest(
        bus,
        new TopicSpec(topic.name(), topic.kmsKey(), List.of()),
        messageFormat,
        false,
        rules,
        keptIds,
        Optional.empty(),
        List.of());
  }

  /**
   * Where forwarder rules send events in a run over {@code chosen} ({@link
   * RuleScopes#forwardTarget}).
   */
  public Optional<String> forwardTarget(List<String> chosen) {
    return RuleScopes.forwardTarget(hubRegion, rules, chosen);
  }
}
