package dev.irctl.engine.status;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One row of the status matrix. GuardDuty and the rules are read separately, so one can be known
 * while the other failed; {@code errors} maps the part that failed ({@code guardduty}, {@code
 * rules}) to why.
 */
public record RegionStatus(
    String region,
    Optional<GuardDutyStatus> guardDuty,
    Optional<RulesStatus> rules,
    Optional<TopicStatus> topic,
    Map<String, String> errors) {
  public RegionStatus {
    errors = java.util.Collections.unmodifiableMap(new TreeMap<>(errors));
  }

  public static RegionStatus failed(String region, String why) {
    return new RegionStatus(
        region, Optional.empty(), Optional.empty(), Optional.empty(), Map.of("region", why));
  }

  public boolean failed() {
    return !errors.isEmpty();
  }
}
