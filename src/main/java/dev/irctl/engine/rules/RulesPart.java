package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.Map;

/**
 * A region's alert topic (policy, key, subscriptions) and irctl's EventBridge rules targeting it.
 */
public final class RulesPart implements Part {
  public static final String NAME = "rules";

  /**
   * EventBridge's rules-per-bus quota in most regions (lower in some newer ones; AWS then rejects
   * PutRule).
   */
  public static final int RULES_PER_BUS = dev.irctl.catalog.EventBridgeQuotas.RULES_PER_BUS;

  private final ApplyRulesRequest request;

  public RulesPart(ApplyRulesRequest request) {
    this.request = request;
  }

  public ApplyRulesRequest request() {
    return request;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public java.util.List<String> regions(java.util.List<String> chosen) {
    return request.regions(chosen);
  }

  /**
   * In a chosen region, the whole selection. In a region only carried for its sign-in rules, those
   * rules (and their topic, or with a hub their forwarders): the plan sees only those rules on the
   * bus, so nothing else there is pruned or reported orphaned, and its note says why.
   */
  @Override
  public PartPlan plan(PartContext context) {
    String region = context.region();
    EventBridgePort events = context.ports().eventBridge(region);
    java.util.Optional<ApplyRulesRequest> carried = request.carriedTo(region, context.regions());
    ApplyRulesRequest here = carried.orElse(request);
    RegionState state = read(context, here);
    java.util.List<String> remarks = java.util.List.of();
    if (carried.isPresent()) {
      state = only(state, carriedNames(here));
      remarks = java.util.List.of(RuleScopes.carriedNote(region, here.rules(), here.hubRegion()));
    }
    RegionPlan plan = RegionPlanner.plan(region, here, context.identity(), state);
    checkQuota(events, request.bus(), region, plan);
    return PartPlan.of(plan.changes(), state, plan, notes(plan, remarks));
  }

  /** The carried rules' names and their forwarders' (which the region may hold from a hub run). */
  private static java.util.Set<String> carriedNames(ApplyRulesRequest carried) {
    java.util.Set<String> names = new java.util.HashSet<>();
    carried.rules().forEach(r -> names.add(r.name()));
    try {
      ForwarderRules.forRegion(carried.rules(), carried.hubRegion().orElse(""))
          .forEach(f -> names.add(f.name()));
    } catch (PlanConflictException e) {
      // A rule irctl cannot forward: without a hub it has no forwarder to replace, and with one
      // the forwarding plan fails the region with this same message.
    }
    return names;
  }

  private static RegionState only(RegionState state, java.util.Set<String> names) {
    return new RegionState(
        state.topic(),
        state.rules().stream().filter(r -> names.contains(r.name())).toList(),
        state.key());
  }

  /**
   * The region's topic and irctl's rules, as the request names them (plan and status read this).
   */
  public static RegionState read(PartContext context, ApplyRulesRequest request) {
    String region = context.region();
    String topicArn = RegionPlanner.topicArn(context.identity(), region, request.topic().name());
    return new RegionReader(context.parallel())
        .read(
            context.ports().eventBridge(region),
            context.ports().sns(region),
            request.topic().kmsKey().map(k -> context.ports().kms(region)),
            request.bus(),
            topicArn,
            request.topic().kmsKey());
  }

  static Notes notes(RegionPlan plan) {
    return notes(plan, java.util.List.of());
  }

  private static Notes notes(RegionPlan plan, java.util.List<String> remarks) {
    return new Notes(
        plan.topicArn().isEmpty() ? Map.of() : Map.of("topicArn", plan.topicArn()),
        plan.unchangedRules(),
        plan.orphans(),
        plan.pendingSubscriptions(),
        plan.warnings(),
        remarks);
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    String region = context.region();
    EventBridgePort events = context.ports().eventBridge(region);
    SnsPort sns = context.ports().sns(region);
    RegionApplier.Outcome outcome =
        new RegionApplier(context.parallel(), context.cancellation())
            .apply(events, sns, request.bus(), (RegionPlan) plan.detail());
    return Applied.of(outcome.writes(), outcome.failures(), outcome.retryable());
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.valueToTree(request);
  }

  public static RulesPart fromDesired(JsonNode desired) {
    return new RulesPart(Fingerprint.JSON.convertValue(desired, ApplyRulesRequest.class));
  }

  /**
   * Fails the region before any write when the bus would not fit EventBridge's quotas after the
   * plan (rules per bus, rules with wildcard filters), rather than half-applying. One ListRules
   * pass over the whole bus, only when the plan creates or rewrites a rule.
   */
  private static void checkQuota(
      EventBridgePort events, String bus, String region, RegionPlan plan) {
    if (!BusQuotaCheck.needsCheck(plan)) {
      return;
    }
    BusQuotaCheck.problem(region, bus, events.listAllRules(bus), plan)
        .ifPresent(
            problem -> {
              throw new PlanConflictException(problem);
            });
  }
}
