package dev.irctl.fakes;

import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.DetectorUpdate;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.GuardDutyPort;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSet;
import dev.irctl.engine.port.ListSetSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** GuardDuty in one region, in memory, behaving like the service for what irctl uses. */
public final class FakeGuardDuty implements GuardDutyPort {
  private final String region;
  private final CallLog log;
  private Detector detector;
  private final List<ListSet> lists = new ArrayList<>();

  FakeGuardDuty(String region, CallLog log) {
    this.region = region;
    this.log = log;
  }

  /** Seeds a detector as if someone had created it. */
  public synchronized FakeGuardDuty existing(Detector detector) {
    this.detector = detector;
    return this;
  }

  public synchronized FakeGuardDuty existingList(ListSet list) {
    lists.add(list);
    return this;
  }

  public synchronized Optional<Detector> detector() {
    return Optional.ofNullable(detector);
  }

  public synchronized List<ListSet> lists() {
    return List.copyOf(lists);
  }

  @Override
  public synchronized Optional<Detector> findDetector() {
    log.record(region, "guardduty:ListDetectors", false);
    if (detector == null) {
      return Optional.empty();
    }
    log.record(region, "guardduty:GetDetector", false);
    return Optional.of(detector);
  }

  @Override
  public synchronized String createDetector(
      FindingFrequency frequency,
      Map<DetectorFeature, Boolean> features,
      Map<String, String> tags) {
    log.record(region, "guardduty:CreateDetector", true);
    if (detector != null) {
      throw new IllegalStateException("a detector already exists in " + region);
    }
    Map<String, Boolean> state = new HashMap<>();
    for (DetectorFeature feature : DetectorFeature.values()) {
      // GuardDuty's default without Features: everything but RUNTIME_MONITORING.
      state.put(feature.name(), feature != DetectorFeature.RUNTIME_MONITORING);
    }
    features.forEach((f, on) -> state.put(f.name(), on));
    detector =
        new Detector(UUID.randomUUID().toString().replace("-", ""), true, frequency, state, tags);
    return detector.id();
  }

  @Override
  public synchronized void updateDetector(String detectorId, DetectorUpdate update) {
    log.record(region, "guardduty:UpdateDetector", true);
    Map<String, Boolean> features = new HashMap<>(detector.features());
    update.features().forEach((f, on) -> features.put(f.name(), on));
    detector =
        new Detector(
            detector.id(),
            detector.enabled() || update.enable(),
            update.frequency().orElse(detector.frequency()),
            features,
            detector.tags());
  }

  @Override
  public synchronized List<ListSet> listSets(String detectorId, ListKind kind) {
    log.record(
        region,
        kind == ListKind.THREAT_INTEL ? "guardduty:ListThreatIntelSets" : "guardduty:ListIPSets",
        false);
    return lists.stream().filter(l -> l.kind() == kind).toList();
  }

  @Override
  public synchronized String createSet(
      String detectorId, ListSetSpec spec, Map<String, String> tags) {
    log.record(
        region,
        spec.kind() == ListKind.THREAT_INTEL
            ? "guardduty:CreateThreatIntelSet"
            : "guardduty:CreateIPSet",
        true);
    ListSet set =
        new ListSet(
            spec.kind(),
            UUID.randomUUID().toString(),
            spec.name(),
            spec.location(),
            spec.format(),
            "ACTIVE");
    lists.add(set);
    return set.id();
  }

  @Override
  public synchronized void updateSet(String detectorId, String setId, ListSetSpec spec) {
    log.record(
        region,
        spec.kind() == ListKind.THREAT_INTEL
            ? "guardduty:UpdateThreatIntelSet"
            : "guardduty:UpdateIPSet",
        true);
    lists.replaceAll(
        l ->
            l.id().equals(setId)
                ? new ListSet(l.kind(), l.id(), l.name(), spec.location(), l.format(), "ACTIVE")
                : l);
  }
}
