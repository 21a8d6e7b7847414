package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.PlanConflictException;
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
  public PartPlan plan(PartContext context) {
    String region = context.region();
    EventBridgePort events = context.ports().eventBridge(region);
    RegionState state = read(context, request);
    RegionPlan plan = RegionPlanner.plan(region, request, context.identity(), state);
    checkQuota(events, request.bus(), region, plan);
    return PartPlan.of(plan.changes(), state, plan, notes(plan));
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
    return new Notes(
        plan.topicArn().isEmpty() ? Map.of() : Map.of("topicArn", plan.topicArn()),
        plan.unchangedRules(),
        plan.orphans(),
        plan.pendingSubscriptions(),
        plan.warnings());
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
