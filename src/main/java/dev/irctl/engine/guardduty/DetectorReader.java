package dev.irctl.engine.guardduty;

import dev.irctl.engine.port.GuardDutyPort;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads a region's actual GuardDuty state, only as much as the desired state needs. */
public final class DetectorReader {
  private DetectorReader() {}

  public static DetectorPlan readAndPlan(
      GuardDutyPort guardDuty, String region, DesiredDetector desired) {
    Optional<Detector> detector = guardDuty.findDetector();
    List<ListSet> lists = new ArrayList<>();
    if (detector.isPresent()) {
      Set<ListKind> kinds = EnumSet.noneOf(ListKind.class);
      desired.lists().forEach(spec -> kinds.add(spec.kind()));
      for (ListKind kind : kinds) {
        lists.addAll(guardDuty.listSets(detector.get().id(), kind));
      }
    }
    return DetectorPlanner.plan(region, desired, detector, lists);
  }
}
