package dev.irctl.engine.guardduty;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.GuardDutyPort;

/**
 * Carries out a region's plan. The detector comes first because a new detector's id is what the
 * lists hang off; then the lists.
 */
public final class DetectorApplier {
  private DetectorApplier() {}

  /** Applies the plan and returns the detector id (the new one when it was created). */
  public static String apply(GuardDutyPort guardDuty, DetectorPlan plan) {
    String detectorId = plan.detectorId().orElse(null);
    for (DetectorChange change : plan.changes()) {
      if (change instanceof DetectorChange.CreateDetector create) {
        detectorId =
            guardDuty.createDetector(create.frequency(), create.features(), Ownership.tags());
      } else if (change instanceof DetectorChange.UpdateDetector update) {
        guardDuty.updateDetector(update.detectorId(), update.update());
      }
    }
    for (DetectorChange change : plan.changes()) {
      if (change instanceof DetectorChange.CreateListSet create) {
        guardDuty.createSet(detectorId, create.spec(), Ownership.tags());
      } else if (change instanceof DetectorChange.UpdateListSet update) {
        guardDuty.updateSet(detectorId, update.setId(), update.spec());
      }
    }
    return detectorId;
  }
}
