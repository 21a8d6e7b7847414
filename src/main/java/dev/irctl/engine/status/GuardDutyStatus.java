package dev.irctl.engine.status;

import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import java.util.List;
import java.util.Optional;

/**
 * A region's detector as it is: enabled, disabled or missing, its frequency and the features
 * switched on.
 */
public record GuardDutyStatus(
    String state,
    Optional<String> detectorId,
    Optional<FindingFrequency> frequency,
    List<String> featuresOn) {
  public static final String ENABLED = "enabled";
  public static final String DISABLED = "disabled";
  public static final String MISSING = "missing";

  public GuardDutyStatus {
    featuresOn = List.copyOf(featuresOn);
  }

  public static GuardDutyStatus of(Optional<Detector> detector) {
    if (detector.isEmpty()) {
      return new GuardDutyStatus(MISSING, Optional.empty(), Optional.empty(), List.of());
    }
    Detector d = detector.get();
    List<String> on =
        d.features().entrySet().stream()
            .filter(e -> e.getValue())
            .map(e -> e.getKey())
            .sorted()
            .toList();
    return new GuardDutyStatus(
        d.enabled() ? ENABLED : DISABLED, Optional.of(d.id()), Optional.of(d.frequency()), on);
  }
}
