package dev.irctl.engine.rules;

import dev.irctl.catalog.EventBridgeQuotas;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.RegionRunner;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import java.util.List;
import java.util.function.Consumer;

/**
 * apply-rules across regions: read, plan, check the quota and (unless a dry run) apply, each region
 * on its own.
 */
public final class ApplyRules {
  /**
   * EventBridge's rules-per-bus quota in most regions (lower in some newer ones; AWS then rejects
   * PutRule).
   */
  public static final int RULES_PER_BUS = EventBridgeQuotas.RULES_PER_BUS;

  private final Ports ports;
  private final RegionRunner runner;

  public ApplyRules(Ports ports, int concurrency) {
    this.ports = ports;
    this.runner = new RegionRunner(concurrency);
  }

  public List<RulesRegionResult> run(
      RegionSelection selection,
      ApplyRulesRequest request,
      boolean dryRun,
      Consumer<RulesRegionResult> progress) {
    // One STS call for all regions: every topic ARN and policy condition needs the account and
    // partition.
    Identity identity = ports.account().identity();
    // One pool of call threads for every region of the run: threads idle after reading are reused
    // for writing.
    try (Parallel parallel = new Parallel()) {
      return runner.run(
          selection,
          region -> inRegion(parallel, region, request, identity, dryRun),
          RulesRegionResult::failed,
          progress);
    }
  }

  private RulesRegionResult inRegion(
      Parallel parallel,
      String region,
      ApplyRulesRequest request,
      Identity identity,
      boolean dryRun) {
    EventBridgePort events = ports.eventBridge(region);
    var sns = ports.sns(region);
    String topicArn = RegionPlanner.topicArn(identity, region, request.topic().name());
    RegionState state =
        new RegionReader(parallel)
            .read(
                events,
                sns,
                request.topic().kmsKey().map(k -> ports.kms(region)),
                request.bus(),
                topicArn,
                request.topic().kmsKey());
    RegionPlan plan = RegionPlanner.plan(region, request, identity, state);
    checkQuota(events, request.bus(), region, plan);
    if (dryRun || plan.inSync()) {
      return RulesRegionResult.of(plan, dryRun, 0, List.of());
    }
    RegionApplier.Outcome outcome =
        new RegionApplier(parallel).apply(events, sns, request.bus(), plan);
    return RulesRegionResult.of(plan, false, outcome.writes(), outcome.failures());
  }

  /**
   * Fails the region before any write when the new rules would not fit on the bus, rather than
   * half-applying.
   */
  private static void checkQuota(
      EventBridgePort events, String bus, String region, RegionPlan plan) {
    int quota = EventBridgeQuotas.rulesPerBus(region);
    if (plan.creates() == 0) {
      return;
    }
    int existing = events.countRules(bus);
    long after = existing - plan.deletes() + plan.creates();
    if (after > quota) {
      throw new PlanConflictException(
          "event bus "
              + bus
              + " holds "
              + existing
              + " rules and "
              + plan.creates()
              + " more would pass EventBridge's quota of "
              + quota
              + " rules per bus. Nothing was changed in this region: delete unused rules, select fewer with --rule,"
              + " --exclude or --category, or ask AWS for a higher quota.");
    }
  }
}
