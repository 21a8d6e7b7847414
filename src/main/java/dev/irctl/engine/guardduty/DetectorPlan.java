package dev.irctl.engine.guardduty;

import java.util.List;
import java.util.Optional;

/**
 * What enable-guardduty would do in one region; empty changes mean the region is in the desired
 * state.
 */
public record DetectorPlan(
    String region, Optional<String> detectorId, List<DetectorChange> changes) {
  public DetectorPlan {
    changes = List.copyOf(changes);
  }

  public boolean inSync() {
    return changes.isEmpty();
  }

  /** The word a user reads for this region: created, enabled, updated or unchanged. */
  public String outcome() {
    if (changes.stream().anyMatch(c -> c instanceof DetectorChange.CreateDetector)) {
      return "created";
    }
    if (changes.stream()
        .anyMatch(c -> c instanceof DetectorChange.UpdateDetector u && u.update().enable())) {
      return "enabled";
    }
    return changes.isEmpty() ? "unchanged" : "updated";
  }
}
