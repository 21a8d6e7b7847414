package dev.irctl.engine.guardduty;

import java.util.List;
import java.util.Optional;

/**
 * One region's result: {@code status} is created / enabled / updated / unchanged (after apply), the
 * same words prefixed with "would be" in a dry run, or failed / skipped with {@code error} saying
 * why.
 */
public record DetectorRegionResult(
    String region,
    String status,
    Optional<String> detectorId,
    List<DetectorChange> changes,
    Optional<String> error) {
  public DetectorRegionResult {
    changes = List.copyOf(changes);
  }

  public boolean failed() {
    return "failed".equals(status);
  }

  public static DetectorRegionResult failed(String region, String error) {
    return new DetectorRegionResult(
        region, "failed", Optional.empty(), List.of(), Optional.of(error));
  }
}
