package dev.irctl.engine.port;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Exactly the settings UpdateDetector should send; anything absent stays as it is. */
public record DetectorUpdate(
    boolean enable, Optional<FindingFrequency> frequency, Map<DetectorFeature, Boolean> features) {
  public DetectorUpdate {
    features = features.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(features));
  }
}
