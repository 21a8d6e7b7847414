package dev.irctl.engine.guardduty;

import dev.irctl.engine.Input;
import dev.irctl.engine.InputException;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSetSpec;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for: a detector enabled, at a frequency, with the features they named
 * switched on or off (features they did not name are left as they are), and the lists they named
 * present and active.
 */
public record DesiredDetector(
    FindingFrequency frequency,
    boolean frequencyGiven,
    Map<DetectorFeature, Boolean> features,
    List<ListSetSpec> lists) {
  /** The frequency a detector irctl creates gets when the user names none. */
  public static final FindingFrequency DEFAULT_FREQUENCY = FindingFrequency.FIFTEEN_MINUTES;

  /** A frequency the user asked for explicitly (flag or config key). */
  public DesiredDetector(
      FindingFrequency frequency, Map<DetectorFeature, Boolean> features, List<ListSetSpec> lists) {
    this(frequency, true, features, lists);
  }

  /**
   * {@code frequency} empty: the user named none, so a detector irctl creates gets the default and
   * an adopted one keeps its own.
   */
  public static DesiredDetector of(
      java.util.Optional<FindingFrequency> frequency,
      Map<DetectorFeature, Boolean> features,
      List<ListSetSpec> lists) {
    return new DesiredDetector(
        frequency.orElse(DEFAULT_FREQUENCY), frequency.isPresent(), features, lists);
  }

  public DesiredDetector {
    frequency = frequency == null ? DEFAULT_FREQUENCY : frequency;
    features = features.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(features));
    lists = List.copyOf(lists);
    checkConsistent(features, lists);
  }

  private static void checkConsistent(
      Map<DetectorFeature, Boolean> features, List<ListSetSpec> lists) {
    if (Boolean.TRUE.equals(features.get(DetectorFeature.RUNTIME_MONITORING))
        && Boolean.TRUE.equals(features.get(DetectorFeature.EKS_RUNTIME_MONITORING))) {
      throw new InputException(
          Input.FEATURE,
          " RUNTIME_MONITORING and EKS_RUNTIME_MONITORING cannot both be on: Runtime Monitoring"
              + " already covers EKS. Keep one.");
    }
    for (int i = 0; i < lists.size(); i++) {
      for (int j = i + 1; j < lists.size(); j++) {
        if (lists.get(i).kind() == lists.get(j).kind()
            && lists.get(i).name().equals(lists.get(j).name())) {
          throw new InputException(
              lists.get(i).kind() == ListKind.THREAT_INTEL
                  ? Input.THREAT_INTEL_SET
                  : Input.TRUSTED_IP_SET,
              " names '" + lists.get(i).name() + "' twice; give each list a distinct name.");
        }
      }
    }
  }
}
