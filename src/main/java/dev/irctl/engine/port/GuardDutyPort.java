package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** GuardDuty in one region. */
public interface GuardDutyPort {
  /** The region's detector (there is at most one per account and region), with its settings. */
  Optional<Detector> findDetector();

  /**
   * Creates an enabled detector; {@code features} empty means GuardDuty's defaults. Returns its id.
   */
  String createDetector(
      FindingFrequency frequency, Map<DetectorFeature, Boolean> features, Map<String, String> tags);

  void updateDetector(String detectorId, DetectorUpdate update);

  List<ListSet> listSets(String detectorId, ListKind kind);

  /** Creates the list, activated. Returns its id. */
  String createSet(String detectorId, ListSetSpec spec, Map<String, String> tags);

  /** Points the list at the spec's location and activates it. */
  void updateSet(String detectorId, String setId, ListSetSpec spec);
}
