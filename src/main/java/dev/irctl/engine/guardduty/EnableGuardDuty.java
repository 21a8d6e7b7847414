package dev.irctl.engine.guardduty;

import dev.irctl.engine.RegionRunner;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * enable-guardduty across regions: read, plan and (unless a dry run) apply, each region on its own.
 */
public final class EnableGuardDuty {
  private final Ports ports;
  private final RegionRunner runner;

  public EnableGuardDuty(Ports ports, int concurrency) {
    this.ports = ports;
    this.runner = new RegionRunner(concurrency);
  }

  public List<DetectorRegionResult> run(
      RegionSelection selection,
      DesiredDetector desired,
      boolean dryRun,
      Consumer<DetectorRegionResult> progress) {
    return runner.run(
        selection,
        region -> inRegion(region, desired, dryRun),
        DetectorRegionResult::failed,
        progress);
  }

  private DetectorRegionResult inRegion(String region, DesiredDetector desired, boolean dryRun) {
    var guardDuty = ports.guardDuty(region);
    DetectorPlan plan = DetectorReader.readAndPlan(guardDuty, region, desired);
    if (dryRun || plan.inSync()) {
      String status = plan.inSync() ? "unchanged" : "would be " + plan.outcome();
      return new DetectorRegionResult(
          region, status, plan.detectorId(), plan.changes(), Optional.empty());
    }
    String detectorId = DetectorApplier.apply(guardDuty, plan);
    return new DetectorRegionResult(
        region, plan.outcome(), Optional.ofNullable(detectorId), plan.changes(), Optional.empty());
  }
}
