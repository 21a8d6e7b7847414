package dev.irctl.engine.status;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.RegionOutcome;
import dev.irctl.engine.RegionRunner;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.RegionPlan;
import dev.irctl.engine.rules.RegionPlanner;
import dev.irctl.engine.rules.RegionReader;
import dev.irctl.engine.rules.RegionState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * status: reads each region's detector and rules (the same reads as plan, no writes) and reduces
 * them to one row. Rules are compared with the selected catalog rules as apply-rules would, but
 * never with --prune, so orphans are counted instead of planned away.
 */
public final class AccountStatus {
  private final Ports ports;
  private final RegionRunner runner;

  public AccountStatus(Ports ports, int concurrency) {
    this.ports = ports;
    this.runner = new RegionRunner(concurrency);
  }

  public List<RegionStatus> read(RegionSelection selection, ApplyRulesRequest request) {
    ApplyRulesRequest noPrune = request.withoutPrune();
    Optional<Identity> identity;
    String identityError = null;
    try {
      identity = Optional.of(ports.account().identity());
    } catch (AwsCallException e) {
      identity = Optional.empty();
      identityError = "could not identify the account (sts:GetCallerIdentity): " + e.getMessage();
    }
    List<RegionStatus> rows = new ArrayList<>();
    selection.unusable().forEach((region, why) -> rows.add(RegionStatus.failed(region, why)));
    Optional<Identity> who = identity;
    String whyNoRules = identityError;
    try (Parallel parallel = new Parallel()) {
      List<RegionOutcome<RegionStatus>> outcomes =
          runner.run(
              selection.regions(),
              region -> inRegion(parallel, region, noPrune, who, whyNoRules),
              o -> {});
      outcomes.forEach(
          o ->
              rows.add(
                  o.value()
                      .orElseGet(
                          () -> RegionStatus.failed(o.region(), o.error().orElse("failed")))));
    }
    rows.sort(Comparator.comparing(RegionStatus::region));
    return rows;
  }

  private RegionStatus inRegion(
      Parallel parallel,
      String region,
      ApplyRulesRequest request,
      Optional<Identity> identity,
      String identityError) {
    Map<String, String> errors = new ConcurrentHashMap<>();
    CompletableFuture<Optional<GuardDutyStatus>> guardDuty =
        parallel.fork(
            () ->
                part(
                    "guardduty",
                    errors,
                    () -> GuardDutyStatus.of(ports.guardDuty(region).findDetector())));
    Optional<RulesStatus> rules = Optional.empty();
    Optional<TopicStatus> topic = Optional.empty();
    if (identity.isEmpty()) {
      errors.put("rules", identityError);
    } else {
      Optional<RegionPlan> planned = Optional.empty();
      Optional<RegionState> read =
          part("rules", errors, () -> readRules(parallel, region, request, identity.get()));
      if (read.isPresent()) {
        planned =
            part(
                "rules",
                errors,
                () -> RegionPlanner.plan(region, request, identity.get(), read.get()));
      }
      rules = planned.map(RulesStatus::of);
      topic = planned.map(p -> TopicStatus.of(p, read.get().topic()));
    }
    return new RegionStatus(region, Parallel.join(guardDuty), rules, topic, errors);
  }

  private RegionState readRules(
      Parallel parallel, String region, ApplyRulesRequest request, Identity identity) {
    EventBridgePort events = ports.eventBridge(region);
    String topicArn = RegionPlanner.topicArn(identity, region, request.topic().name());
    return new RegionReader(parallel)
        .read(
            events,
            ports.sns(region),
            request.topic().kmsKey().map(k -> ports.kms(region)),
            request.bus(),
            topicArn,
            request.topic().kmsKey());
  }

  /**
   * Runs one part (errors is concurrent: GuardDuty is read on another thread); its failure is
   * recorded under the part's name and the row goes on without it.
   */
  private static <T> Optional<T> part(String name, Map<String, String> errors, Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (AwsCallException | PlanConflictException e) {
      errors.put(name, e.getMessage());
      return Optional.empty();
    }
  }
}
