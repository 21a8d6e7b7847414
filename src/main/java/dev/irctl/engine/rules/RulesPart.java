package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
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
    Scoped scoped = readAndPlanScoped(context, request);
    RegionPlan plan = scoped.planned().plan();
    checkQuota(request.bus(), context.region(), scoped.planned().onBus(), plan);
    return PartPlan.of(
        plan.changes(), scoped.planned().state(), plan, notes(plan, scoped.remarks()));
  }

  /**
   * A region's plan with the notes saying why a region that was not chosen is in the run, and the
   * region it forwards its events to (the hub, or for a carried region without a hub the chosen
   * region its sign-in rules forward to); empty where the region alerts to its own topic.
   */
  public record Scoped(
      Planned planned, java.util.List<String> remarks, java.util.Optional<String> forwardsTo) {
    /** The note of a carried region; empty in a chosen one. */
    public java.util.Optional<String> carriedNote() {
      return remarks.stream().findFirst();
    }
  }

  /**
   * Reads and plans the region as apply-rules does (status too): the whole {@code request} in a
   * chosen region, only the carried sign-in rules in a region they were carried to.
   */
  public static Scoped readAndPlanScoped(PartContext context, ApplyRulesRequest request) {
    String region = context.region();
    java.util.Optional<ApplyRulesRequest> carried = request.carriedTo(region, context.regions());
    if (carried.isEmpty()) {
      return new Scoped(
          readAndPlan(context, request),
          java.util.List.of(),
          request.forwards(region) ? request.hubRegion() : java.util.Optional.empty());
    }
    ApplyRulesRequest forwarding = carried.get();
    java.util.Set<String> names = carriedNames(forwarding.rules());
    String topicArn = RegionPlanner.topicArn(context.identity(), region, request.topic().name());
    // Without a hub, a region another run chose (its own irctl rules alert to its topic) keeps
    // alerting there: forwarding it would undo that run, and that run would undo this one.
    java.util.function.Function<RegionState, ApplyRulesRequest> requestFor =
        state ->
            request.hubRegion().isEmpty()
                    && LocalAlerting.alertsHere(state.rules(), names, topicArn)
                ? forwarding.alertingLocally()
                : forwarding;
    Planned planned =
        readAndPlan(context, forwarding, requestFor, state -> only(state, names), true);
    ApplyRulesRequest here = planned.request();
    return new Scoped(
        planned,
        java.util.List.of(
            here.forwards(region)
                ? RuleScopes.carriedNote(
                    region, here.rules(), here.hubRegion(), request.hubRegion().isPresent())
                : RuleScopes.carriedNote(region, here.rules(), java.util.Optional.empty(), false)
                    + " This region was chosen by another run (irctl rules here alert to its"
                    + " topic), so the sign-in rule(s) alert here too and add no subscription."),
        here.forwards(region) ? here.hubRegion() : java.util.Optional.empty());
  }

  /** Split indexes an earlier cut may have given a forwarder of the same source. */
  private static final int EARLIER_SPLITS = 9;

  /**
   * The carried rules' names and their forwarders' (which the region may hold from a hub run; a
   * forwarder's name does not depend on the hub). A forwarder of the same source under another
   * split index is theirs too: an earlier irctl cut the same events into other pieces, and a view
   * without it would leave it forwarding alongside the new ones.
   */
  static java.util.Set<String> carriedNames(java.util.List<DesiredRule> carried) {
    java.util.Set<String> names = new java.util.HashSet<>();
    carried.forEach(r -> names.add(r.name()));
    try {
      for (DesiredRule forwarder : ForwarderRules.forRegion(carried, "")) {
        String base = forwarder.name().replaceFirst("-\\d+$", "");
        names.add(forwarder.name());
        names.add(base);
        for (int i = 1; i <= EARLIER_SPLITS; i++) {
          names.add(base + "-" + i);
        }
      }
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
   * A region's state as read, its plan (apply-rules and status plan alike), and every rule on the
   * bus (the quota check's count).
   */
  public record Planned(
      RegionState state, RegionPlan plan, List<BusRule> onBus, ApplyRulesRequest request) {}

  /**
   * Reads the region and plans it. The first plan runs on the rules without their tags; the rules
   * it cannot decide on without them (any it would change, delete or report) get their tags read,
   * and the plan is made again: a second run of an unchanged catalog reads no rule tags.
   */
  public static Planned readAndPlan(PartContext context, ApplyRulesRequest request) {
    return readAndPlan(
        context, request, state -> request, java.util.function.UnaryOperator.identity(), false);
  }

  /**
   * As {@link #readAndPlan(PartContext, ApplyRulesRequest)}, planning only the part of the region's
   * state that {@code view} keeps (a carried region sees only its sign-in rules and forwarders).
   */
  static Planned readAndPlan(
      PartContext context,
      ApplyRulesRequest read,
      java.util.function.Function<RegionState, ApplyRulesRequest> requestFor,
      java.util.function.UnaryOperator<RegionState> view,
      boolean carried) {
    String region = context.region();
    ApplyRulesRequest request = read;
    EventBridgePort events = context.ports().eventBridge(region);
    String topicArn = RegionPlanner.topicArn(context.identity(), region, request.topic().name());
    RegionReader reader = new RegionReader(context.parallel());
    RegionReader.Found found =
        reader.read(
            events,
            context.ports().sns(region),
            request.topic().kmsKey().map(k -> context.ports().kms(region)),
            request.bus(),
            topicArn,
            request.topic().kmsKey());
    // What to plan may depend on the whole bus (a carried region another run chose); the topic,
    // key and bus read are the same either way.
    request = requestFor.apply(found.state());
    RegionState state = view.apply(found.state());
    RegionPlan plan = RegionPlanner.plan(region, request, context.identity(), state, carried);
    if (!plan.unconfirmed().isEmpty()) {
      state = reader.withTags(events, state, plan.unconfirmed());
      plan = RegionPlanner.plan(region, request, context.identity(), state, carried);
    }
    if (!plan.unconfirmed().isEmpty()) {
      // The second plan saw the tags of every rule the first could not decide on.
      throw new IllegalStateException("rules still unconfirmed: " + plan.unconfirmed());
    }
    return new Planned(state, plan, found.onBus(), request);
  }

  static Notes notes(RegionPlan plan) {
    return notes(plan, java.util.List.of());
  }

  static Notes notes(RegionPlan plan, java.util.List<String> remarks) {
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
   * plan (rules per bus, rules with wildcard filters), rather than half-applying: counted on the
   * reader's listing of the whole bus, only when the plan creates or rewrites a rule.
   */
  private static void checkQuota(String bus, String region, List<BusRule> onBus, RegionPlan plan) {
    if (!BusQuotaCheck.needsCheck(plan)) {
      return;
    }
    BusQuotaCheck.problem(region, bus, onBus, plan)
        .ifPresent(
            problem -> {
              throw new PlanConflictException(problem);
            });
  }
}
