package dev.irctl.engine.guardduty;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSet;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The region's GuardDuty detector and the lists the user named. */
public final class GuardDutyPart implements Part {
  public static final String NAME = "guardduty";

  private final DesiredDetector desired;

  public GuardDutyPart(DesiredDetector desired) {
    this.desired = desired;
  }

  /** What the plan saw: the detector and the lists of the kinds the desired state names. */
  public record Actual(Optional<Detector> detector, List<ListSet> lists) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PartPlan plan(PartContext context) {
    Actual actual = read(context.ports().guardDuty(context.region()), desired);
    DetectorPlan plan =
        DetectorPlanner.plan(context.region(), desired, actual.detector(), actual.lists());
    Notes notes =
        plan.detectorId().map(id -> Notes.ids(Map.of("detectorId", id))).orElse(Notes.none());
    return PartPlan.of(plan.changes(), actual, plan, notes);
  }

  static Actual read(GuardDutyPort guardDuty, DesiredDetector desired) {
    Optional<Detector> detector = guardDuty.findDetector();
    List<ListSet> lists = new ArrayList<>();
    if (detector.isPresent()) {
      Set<ListKind> kinds = EnumSet.noneOf(ListKind.class);
      desired.lists().forEach(spec -> kinds.add(spec.kind()));
      for (ListKind kind : kinds) {
        lists.addAll(guardDuty.listSets(detector.get().id(), kind));
      }
    }
    return new Actual(detector, lists);
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    DetectorPlan detectorPlan = (DetectorPlan) plan.detail();
    String id = DetectorApplier.apply(context.ports().guardDuty(context.region()), detectorPlan);
    return new Applied(
        detectorPlan.changes().size(), List.of(), id == null ? Map.of() : Map.of("detectorId", id));
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.valueToTree(desired);
  }

  public static GuardDutyPart fromDesired(JsonNode desired) {
    return new GuardDutyPart(Fingerprint.JSON.convertValue(desired, DesiredDetector.class));
  }
}
