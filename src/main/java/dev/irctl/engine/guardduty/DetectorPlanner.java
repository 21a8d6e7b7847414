package dev.irctl.engine.guardduty;

import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Input;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.DetectorUpdate;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSet;
import dev.irctl.engine.port.ListSetSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Desired and actual GuardDuty state of one region in, the changes that close the gap out. Pure.
 */
public final class DetectorPlanner {
  private DetectorPlanner() {}

  public static DetectorPlan plan(
      String region,
      DesiredDetector desired,
      Optional<Detector> actual,
      List<ListSet> actualLists) {
    List<DetectorChange> changes = new ArrayList<>();
    if (actual.isEmpty()) {
      changes.add(new DetectorChange.CreateDetector(desired.frequency(), desired.features()));
    } else {
      detectorUpdate(desired, actual.get()).ifPresent(changes::add);
    }
    for (ListSetSpec spec : desired.lists()) {
      listChange(spec, actualLists).ifPresent(changes::add);
    }
    return new DetectorPlan(region, actual.map(Detector::id), changes);
  }

  private static Optional<DetectorChange> detectorUpdate(DesiredDetector desired, Detector actual) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (!actual.enabled()) {
      diffs.add(FieldDiff.of("status", "DISABLED", "ENABLED"));
    }
    Optional<FindingFrequency> frequency = Optional.empty();
    // A frequency the user did not name is a default: it applies to detectors irctl creates (and
    // keeps them there), never to one it adopted.
    boolean applies =
        desired.frequencyGiven() || dev.irctl.engine.Ownership.taggedByIrctl(actual.tags());
    if (applies && actual.frequency() != desired.frequency()) {
      frequency = Optional.of(desired.frequency());
      diffs.add(
          FieldDiff.of("findingPublishingFrequency", actual.frequency(), desired.frequency()));
    }
    Map<DetectorFeature, Boolean> features = new EnumMap<>(DetectorFeature.class);
    desired
        .features()
        .forEach(
            (feature, on) -> {
              boolean current = actual.features().getOrDefault(feature.name(), false);
              if (current != on) {
                features.put(feature, on);
                diffs.add(FieldDiff.of("feature " + feature, state(current), state(on)));
              }
            });
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new DetectorChange.UpdateDetector(
            actual.id(), new DetectorUpdate(!actual.enabled(), frequency, features), diffs));
  }

  private static Optional<DetectorChange> listChange(ListSetSpec spec, List<ListSet> actualLists) {
    Optional<ListSet> existing =
        actualLists.stream()
            .filter(l -> l.kind() == spec.kind() && l.name().equals(spec.name()))
            .findFirst();
    if (existing.isEmpty()) {
      Optional<ListSet> otherTrusted =
          actualLists.stream().filter(l -> l.kind() == ListKind.TRUSTED_IP).findFirst();
      if (spec.kind() == ListKind.TRUSTED_IP && otherTrusted.isPresent()) {
        throw new PlanConflictException(
            "GuardDuty allows one trusted IP set per region and '"
                + otherTrusted.get().name()
                + "' already exists; irctl will not replace it. Name it in "
                + Input.TRUSTED_IP_SET.ref()
                + " to adopt it.");
      }
      return Optional.of(new DetectorChange.CreateListSet(spec));
    }
    ListSet list = existing.get();
    if (list.format() != spec.format()) {
      throw new PlanConflictException(
          spec.kind().label()
              + " '"
              + spec.name()
              + "' exists with format "
              + list.format()
              + ", not "
              + spec.format()
              + "; GuardDuty cannot change a list's format. Use another name or delete the list first.");
    }
    List<FieldDiff> diffs = new ArrayList<>();
    if (!list.location().equals(spec.location())) {
      diffs.add(FieldDiff.of("location", list.location(), spec.location()));
    }
    if (!list.active()) {
      diffs.add(FieldDiff.of("status", list.status(), "ACTIVE"));
    }
    return diffs.isEmpty()
        ? Optional.empty()
        : Optional.of(new DetectorChange.UpdateListSet(list.id(), spec, diffs));
  }

  private static String state(boolean on) {
    return on ? "ENABLED" : "DISABLED";
  }
}
