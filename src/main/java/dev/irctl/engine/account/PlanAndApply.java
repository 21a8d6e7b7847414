package dev.irctl.engine.account;

import dev.irctl.UserException;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.guardduty.DetectorRegionResult;
import dev.irctl.engine.guardduty.EnableGuardDuty;
import dev.irctl.engine.iam.InstallPolicy;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.ApplyRules;
import dev.irctl.engine.rules.RuleScopes;
import dev.irctl.engine.rules.RulesRegionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * plan and apply: enable-guardduty, apply-rules and install-policy over one region selection, as
 * one run. The three parts are independent (none reads what another writes), so they run at once,
 * each with its regions in parallel; a failure in one part or region never stops the others. A plan
 * is the same run with every part in dry-run mode, so plan and apply cannot disagree on what "in
 * sync" means.
 */
public final class PlanAndApply {
  private final Ports ports;
  private final int concurrency;

  public PlanAndApply(Ports ports, int concurrency) {
    this.ports = ports;
    this.concurrency = concurrency;
  }

  /**
   * Progress as each region's part finishes; called from the region threads, one call at a time per
   * part.
   */
  public record Progress(
      Consumer<DetectorRegionResult> guardDuty,
      Consumer<RulesRegionResult> rules,
      Consumer<IamPart> iam) {
    public static Progress none() {
      return new Progress(r -> {}, r -> {}, r -> {});
    }
  }

  public AccountResult plan(RegionSelection selection, AccountRequest request, Progress progress) {
    return run(selection, request, true, progress);
  }

  public AccountResult apply(RegionSelection selection, AccountRequest request, Progress progress) {
    return run(selection, request, false, progress);
  }

  private AccountResult run(
      RegionSelection selection, AccountRequest request, boolean dryRun, Progress progress) {
    List<String> warnings = new ArrayList<>();
    RuleScopes.skippedGlobalRules(request.rules().rules(), selection.regions())
        .ifPresent(warnings::add);
    try (Parallel parts = new Parallel()) {
      CompletableFuture<List<DetectorRegionResult>> guardDuty =
          parts.fork(
              () ->
                  new EnableGuardDuty(ports, concurrency)
                      .run(selection, request.guardDuty(), dryRun, progress.guardDuty()));
      CompletableFuture<List<RulesRegionResult>> rules =
          parts.fork(() -> rules(selection, request, dryRun, progress));
      CompletableFuture<IamPart> iam = parts.fork(() -> iam(request, dryRun));
      IamPart iamPart = Parallel.join(iam);
      progress.iam().accept(iamPart);
      return new AccountResult(
          byRegion(Parallel.join(guardDuty), Parallel.join(rules)), iamPart, warnings);
    }
  }

  private List<RulesRegionResult> rules(
      RegionSelection selection, AccountRequest request, boolean dryRun, Progress progress) {
    try {
      return new ApplyRules(ports, concurrency)
          .run(selection, request.rules(), dryRun, progress.rules());
    } catch (AwsCallException e) {
      // Without the account id no topic ARN can be known: every region's rules part fails with the
      // reason.
      String why = "could not identify the account (sts:GetCallerIdentity): " + e.getMessage();
      List<RulesRegionResult> failed = new ArrayList<>();
      selection.regions().forEach(r -> failed.add(RulesRegionResult.failed(r, why)));
      selection.unusable().forEach((r, reason) -> failed.add(RulesRegionResult.failed(r, reason)));
      failed.forEach(progress.rules());
      return failed;
    }
  }

  private IamPart iam(AccountRequest request, boolean dryRun) {
    if (request.iam().isEmpty()) {
      return IamPart.skipped(AccountRequest.IAM_SKIPPED);
    }
    try {
      return IamPart.of(new InstallPolicy(ports).run(request.iam().get().forRun(dryRun)));
    } catch (AwsCallException | PlanConflictException | UserException e) {
      // A missing principal or a policy irctl does not own fails the IAM part only; the regions go
      // on.
      return IamPart.failed(e.getMessage());
    }
  }

  private static List<RegionResult> byRegion(
      List<DetectorRegionResult> guardDuty, List<RulesRegionResult> rules) {
    Map<String, DetectorRegionResult> detectors = new TreeMap<>();
    guardDuty.forEach(r -> detectors.put(r.region(), r));
    Map<String, RulesRegionResult> rulesByRegion = new TreeMap<>();
    rules.forEach(r -> rulesByRegion.put(r.region(), r));
    List<RegionResult> regions = new ArrayList<>();
    detectors.forEach(
        (region, detector) ->
            regions.add(
                new RegionResult(
                    region,
                    detector,
                    rulesByRegion.getOrDefault(
                        region, RulesRegionResult.failed(region, "no result")))));
    return regions;
  }
}
