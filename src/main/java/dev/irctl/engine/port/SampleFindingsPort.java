package dev.irctl.engine.port;

import java.util.List;
import java.util.Optional;

/** GuardDuty sample findings in one region, for the drill. */
public interface SampleFindingsPort {
  /** The region's detector id (ListDetectors), or empty when GuardDuty is off there. */
  Optional<String> detectorId();

  /** CreateSampleFindings of these finding types. */
  void createSampleFindings(String detectorId, List<String> findingTypes);
}
