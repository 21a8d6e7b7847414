package dev.irctl.engine.guardduty;

import dev.irctl.UserException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the user asked for: a detector enabled, at a frequency, with the features they named
 * switched on or off (features they did not name are left as they are), and the lists they named
 * present and active.
 */
public record DesiredDetector(
    FindingFrequency frequency, Map<DetectorFeature, Boolean> features, List<ListSetSpec> lists) {
  public DesiredDetector {
    features = features.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(features));
    lists = List.copyOf(lists);
    checkConsistent(features, lists);
  }

  private static void checkConsistent(
      Map<DetectorFeature, Boolean> features, List<ListSetSpec> lists) {
    if (Boolean.TRUE.equals(features.get(DetectorFeature.RUNTIME_MONITORING))
        && Boolean.TRUE.equals(features.get(DetectorFeature.EKS_RUNTIME_MONITORING))) {
      throw UserException.usage(
          "--feature RUNTIME_MONITORING and --feature EKS_RUNTIME_MONITORING cannot both be on: Runtime Monitoring"
              + " already covers EKS. Keep one.");
    }
    for (int i = 0; i < lists.size(); i++) {
      for (int j = i + 1; j < lists.size(); j++) {
        if (lists.get(i).kind() == lists.get(j).kind()
            && lists.get(i).name().equals(lists.get(j).name())) {
          throw UserException.usage(
              lists.get(i).kind().flag()
                  + " names '"
                  + lists.get(i).name()
                  + "' twice; give each list a distinct name.");
        }
      }
    }
  }
}
