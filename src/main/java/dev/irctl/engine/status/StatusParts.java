package dev.irctl.engine.status;

import dev.irctl.engine.delivery.Doctor;
import dev.irctl.engine.delivery.DoctorTarget;
import dev.irctl.engine.delivery.DoctorTargets;
import dev.irctl.engine.delivery.RegionDiagnosis;
import dev.irctl.engine.hub.ForwarderRolePart;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RegionPlan;
import dev.irctl.engine.rules.RulesPart;
import dev.irctl.engine.run.NamedRead;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import dev.irctl.engine.run.ReadPart;
import java.time.Clock;
import java.util.List;

/**
 * status as read-only parts on the {@link dev.irctl.engine.run.Runner}: the same reads as plan, no
 * writes. Each part records what it saw in {@link StatusFacts}; the runner gives regions, identity
 * once, failure isolation and progress. Rules are compared with the selected catalog rules as
 * apply-rules would, but never pruning, so orphans are counted instead of planned away.
 */
public final class StatusParts {
  private final StatusFacts facts = new StatusFacts();
  private final ApplyRulesRequest request;
  private final Clock clock;

  public StatusParts(ApplyRulesRequest request, Clock clock) {
    this.request = request.withoutPrune();
    this.clock = clock;
  }

  public StatusParts(ApplyRulesRequest request) {
    this(request, Clock.systemUTC());
  }

  public StatusFacts facts() {
    return facts;
  }

  public List<ReadPart> parts() {
    List<ReadPart> parts = new java.util.ArrayList<>();
    parts.add(NamedRead.regional("guardduty", this::readGuardDuty));
    parts.add(NamedRead.regional("rules", request::regions, this::readRules));
    parts.add(NamedRead.regional("delivery", this::readDelivery));
    ForwarderRolePart.of(request).ifPresent(role -> parts.add(forwarderRoleRead(role)));
    return List.copyOf(parts);
  }

  /**
   * Where forwarders send events (with a hub, or for sign-in rules carried to regions that were not
   * chosen), the forwarder role as apply-rules would plan it (present, trust policy, permission to
   * put events on the destination bus): global, one read per run. Nothing when no region forwards
   * (a carried region another run chose alerts to its own topic).
   */
  private ReadPart forwarderRoleRead(ForwarderRolePart role) {
    return NamedRead.once(
        ForwarderRolePart.NAME,
        context -> {
          PartPlan plan = role.plan(context);
          ForwarderRolePart.busArn(plan)
              .ifPresent(
                  bus ->
                      facts.forwarderRole(
                          ForwarderRoleStatus.of(
                              bus,
                              plan.changes().stream()
                                  .map(ForwarderRolePart.RoleChange.class::cast)
                                  .toList())));
          return plan;
        });
  }

  /** The detector as it is; never a change (status does not plan GuardDuty settings). */
  private PartPlan readGuardDuty(PartContext context) {
    GuardDutyStatus status =
        GuardDutyStatus.of(context.ports().guardDuty(context.region()).findDetector());
    facts.guardDuty(context.region(), status);
    return PartPlan.of(List.of(), status.toString(), status, Notes.none());
  }

  /**
   * The rules and topic against the selection: drift shows as the changes apply-rules would make.
   * As apply-rules it also runs in the regions the sign-in rules are carried to; a carried region
   * is compared on its sign-in rules only, and its row says why it is there.
   */
  private PartPlan readRules(PartContext context) {
    String region = context.region();
    RulesPart.Scoped scoped = RulesPart.readAndPlanScoped(context, request);
    RulesPart.Planned planned = scoped.planned();
    RegionPlan plan = planned.plan();
    scoped.carriedNote().ifPresent(note -> facts.carried(region, note));
    scoped.forwardsTo().ifPresent(to -> facts.forwardsTo(region, to));
    facts.rules(region, RulesStatus.of(plan), TopicStatus.of(plan, planned.state().topic()));
    return PartPlan.of(plan.changes(), planned.state(), plan, Notes.none());
  }

  /**
   * The delivery column: the doctor's checks on this region (the same reads and checks as {@code
   * irctl doctor}), worded as one health word. A region the doctor cannot read is {@code broken}
   * with the reason, never a failure of status.
   */
  private PartPlan readDelivery(PartContext context) {
    if (request.forwards(context.region())) {
      // A hub's forwarding region has no topic by design: the doctor's topic checks belong to
      // the hub's row, and this row says where its events go.
      return PartPlan.of(List.of(), "forwards", null, Notes.none());
    }
    DoctorTarget target = DoctorTargets.of(request, context.identity(), context.region());
    RegionDiagnosis diagnosis =
        new Doctor(context.ports(), clock).diagnose(target, context.parallel());
    facts.delivery(context.region(), diagnosis);
    // The diagnosis is not a plan's actual state: delivery never makes a change.
    return PartPlan.of(List.of(), diagnosis.health().name(), diagnosis, Notes.none());
  }
}
