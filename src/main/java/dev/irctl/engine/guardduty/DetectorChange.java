package dev.irctl.engine.guardduty;

import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.DetectorUpdate;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.ListSetSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The changes a region's GuardDuty plan can hold. */
public sealed interface DetectorChange extends Change.Described {

  /** No detector: create one, enabled, with the frequency and the named features. */
  record CreateDetector(FindingFrequency frequency, Map<DetectorFeature, Boolean> features)
      implements DetectorChange {
    @Override
    public Description describe() {
      List<FieldDiff> diffs = new ArrayList<>();
      diffs.add(FieldDiff.of("status", null, "ENABLED"));
      diffs.add(FieldDiff.of("findingPublishingFrequency", null, frequency));
      features.forEach(
          (feature, on) ->
              diffs.add(FieldDiff.of("feature " + feature, null, on ? "ENABLED" : "DISABLED")));
      return Description.create(
          "detector",
          features.isEmpty()
              ? "no detector (GuardDuty's default features: every optional protection except RUNTIME_MONITORING)"
              : "no detector",
          diffs);
    }
  }

  /** A detector exists but is disabled or differs in a setting the user asked for. */
  record UpdateDetector(String detectorId, DetectorUpdate update, List<FieldDiff> diffs)
      implements DetectorChange {
    public UpdateDetector {
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return Description.update(
          "detector " + detectorId,
          update.enable() ? "detector is disabled" : "settings differ",
          diffs);
    }
  }

  /** A list the user named is missing: create it, active. */
  record CreateListSet(ListSetSpec spec) implements DetectorChange {
    @Override
    public Description describe() {
      return Description.create(
          spec.kind().label() + " " + spec.name(),
          "missing",
          List.of(
              FieldDiff.of("location", null, spec.location()),
              FieldDiff.of("format", null, spec.format()),
              FieldDiff.of("activate", null, true)));
    }
  }

  /** A list exists under the name but points elsewhere or is not active. */
  record UpdateListSet(String setId, ListSetSpec spec, List<FieldDiff> diffs)
      implements DetectorChange {
    public UpdateListSet {
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return Description.update(spec.kind().label() + " " + spec.name(), "differs", diffs);
    }
  }
}
