package dev.irctl.engine.port;

import java.util.Map;

/**
 * A region's detector as GuardDuty reports it. {@code features} maps each feature name GuardDuty
 * returned to whether it is enabled; names irctl does not know are kept so nothing is lost.
 */
public record Detector(
    String id,
    boolean enabled,
    FindingFrequency frequency,
    Map<String, Boolean> features,
    Map<String, String> tags) {
  public Detector {
    features = Map.copyOf(features);
    tags = Map.copyOf(tags);
  }
}
