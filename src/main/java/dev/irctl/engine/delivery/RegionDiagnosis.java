package dev.irctl.engine.delivery;

import java.util.List;
import java.util.Optional;

/** The doctor's answer for one region: its findings, or why it could not be read. */
public record RegionDiagnosis(
    String region, List<DeliveryFinding> findings, Optional<String> error) {
  public RegionDiagnosis {
    findings = List.copyOf(findings);
  }

  /** The delivery column of status: the worst finding's level. An unreadable region is BROKEN. */
  public DeliveryHealth health() {
    if (error.isPresent()) {
      return DeliveryHealth.BROKEN;
    }
    return findings.stream()
        .map(DeliveryFinding::level)
        .max(java.util.Comparator.naturalOrder())
        .orElse(DeliveryHealth.OK);
  }
}
