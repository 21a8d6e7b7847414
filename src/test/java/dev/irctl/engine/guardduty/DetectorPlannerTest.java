package dev.irctl.engine.guardduty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.UserException;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.ListFormat;
import dev.irctl.engine.port.ListKind;
import dev.irctl.engine.port.ListSet;
import dev.irctl.engine.port.ListSetSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DetectorPlannerTest {
  private static final DesiredDetector FAST =
      new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of());
  private static final ListSetSpec BAD_IPS =
      new ListSetSpec(
          ListKind.THREAT_INTEL, "bad-ips", "https://s3.amazonaws.com/b/bad.txt", ListFormat.TXT);

  static Stream<Arguments> detectorCases() {
    return Stream.of(
        Arguments.of("no detector", FAST, null, "created", List.of("create detector")),
        Arguments.of(
            "enabled, same frequency",
            FAST,
            detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of()),
            "unchanged",
            List.of()),
        Arguments.of(
            "disabled",
            FAST,
            detector(false, FindingFrequency.FIFTEEN_MINUTES, Map.of()),
            "enabled",
            List.of("update detector d1")),
        Arguments.of(
            "frequency differs",
            FAST,
            detector(true, FindingFrequency.SIX_HOURS, Map.of()),
            "updated",
            List.of("update detector d1")),
        Arguments.of(
            "named feature off",
            new DesiredDetector(
                FindingFrequency.FIFTEEN_MINUTES,
                Map.of(DetectorFeature.RDS_LOGIN_EVENTS, true),
                List.of()),
            detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of("RDS_LOGIN_EVENTS", false)),
            "updated",
            List.of("update detector d1")),
        Arguments.of(
            "unnamed feature off is left alone",
            FAST,
            detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of("RDS_LOGIN_EVENTS", false)),
            "unchanged",
            List.of()),
        Arguments.of(
            "named feature absent from the detector counts as off",
            new DesiredDetector(
                FindingFrequency.FIFTEEN_MINUTES,
                Map.of(DetectorFeature.EBS_MALWARE_PROTECTION, true),
                List.of()),
            detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of()),
            "updated",
            List.of("update detector d1")),
        Arguments.of(
            "feature switched off on request",
            new DesiredDetector(
                FindingFrequency.FIFTEEN_MINUTES,
                Map.of(DetectorFeature.S3_DATA_EVENTS, false),
                List.of()),
            detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of("S3_DATA_EVENTS", true)),
            "updated",
            List.of("update detector d1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("detectorCases")
  void plansTheDetector(
      String name, DesiredDetector desired, Detector actual, String outcome, List<String> changes) {
    DetectorPlan plan =
        DetectorPlanner.plan("eu-west-1", desired, Optional.ofNullable(actual), List.of());

    assertThat(plan.outcome()).isEqualTo(outcome);
    assertThat(plan.changes())
        .extracting(c -> c.action().name().toLowerCase() + " " + c.resource())
        .isEqualTo(changes);
  }

  @Test
  void anUpdateSendsExactlyTheDifferingSettings() {
    Detector actual =
        detector(
            false,
            FindingFrequency.FIFTEEN_MINUTES,
            Map.of("S3_DATA_EVENTS", true, "EKS_AUDIT_LOGS", false));
    DesiredDetector desired =
        new DesiredDetector(
            FindingFrequency.FIFTEEN_MINUTES,
            Map.of(DetectorFeature.S3_DATA_EVENTS, true, DetectorFeature.EKS_AUDIT_LOGS, true),
            List.of());

    DetectorChange.UpdateDetector update =
        (DetectorChange.UpdateDetector)
            DetectorPlanner.plan("r", desired, Optional.of(actual), List.of()).changes().get(0);

    assertThat(update.update().enable()).isTrue();
    assertThat(update.update().frequency()).isEmpty();
    assertThat(update.update().features())
        .containsExactly(Map.entry(DetectorFeature.EKS_AUDIT_LOGS, true));
    assertThat(update.diffs())
        .containsExactly(
            new FieldDiff("status", "DISABLED", "ENABLED"),
            new FieldDiff("feature EKS_AUDIT_LOGS", "DISABLED", "ENABLED"));
  }

  @Test
  void listsAreCreatedWhenMissingUpdatedWhenMovedOrInactiveAndLeftAloneWhenEqual() {
    DesiredDetector desired =
        new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of(BAD_IPS));
    Optional<Detector> actual =
        Optional.of(detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of()));

    assertThat(DetectorPlanner.plan("r", desired, actual, List.of()).changes())
        .singleElement()
        .isInstanceOf(DetectorChange.CreateListSet.class);
    assertThat(
            DetectorPlanner.plan("r", desired, actual, List.of(list("ACTIVE", BAD_IPS.location())))
                .changes())
        .isEmpty();
    assertThat(
            DetectorPlanner.plan(
                    "r", desired, actual, List.of(list("INACTIVE", BAD_IPS.location())))
                .changes())
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.diffs())
                    .containsExactly(new FieldDiff("status", "INACTIVE", "ACTIVE")));
    assertThat(
            DetectorPlanner.plan(
                    "r",
                    desired,
                    actual,
                    List.of(list("ACTIVE", "https://s3.amazonaws.com/b/old.txt")))
                .changes())
        .singleElement()
        .satisfies(
            c -> assertThat(c.diffs()).extracting(FieldDiff::field).containsExactly("location"));
  }

  @Test
  void aSecondTrustedIpSetUnderAnotherNameIsAConflictNotAReplacement() {
    ListSetSpec ours =
        new ListSetSpec(
            ListKind.TRUSTED_IP, "office", "https://s3.amazonaws.com/b/office.txt", ListFormat.TXT);
    ListSet theirs =
        new ListSet(
            ListKind.TRUSTED_IP,
            "t1",
            "vpn",
            "https://s3.amazonaws.com/b/vpn.txt",
            ListFormat.TXT,
            "ACTIVE");

    assertThatThrownBy(
            () ->
                DetectorPlanner.plan(
                    "r",
                    new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of(ours)),
                    Optional.of(detector(true, FindingFrequency.FIFTEEN_MINUTES, Map.of())),
                    List.of(theirs)))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("one trusted IP set per region")
        .hasMessageContaining("'vpn'");
  }

  @Test
  void runtimeMonitoringAndEksRuntimeMonitoringTogetherIsAUsageError() {
    assertThatThrownBy(
            () ->
                new DesiredDetector(
                    FindingFrequency.FIFTEEN_MINUTES,
                    Map.of(
                        DetectorFeature.RUNTIME_MONITORING,
                        true,
                        DetectorFeature.EKS_RUNTIME_MONITORING,
                        true),
                    List.of()))
        .isInstanceOfSatisfying(UserException.class, e -> assertThat(e.exitCode()).isEqualTo(2));
  }

  private static Detector detector(
      boolean enabled, FindingFrequency frequency, Map<String, Boolean> features) {
    return new Detector("d1", enabled, frequency, features, Map.of());
  }

  private static ListSet list(String status, String location) {
    return new ListSet(ListKind.THREAT_INTEL, "s1", "bad-ips", location, ListFormat.TXT, status);
  }

  /** frequency given?, detector tagged by irctl?; expected: is the frequency changed. */
  @org.junit.jupiter.params.ParameterizedTest(name = "given={0} irctl={1} -> change={2}")
  @org.junit.jupiter.params.provider.CsvSource({
    "false, false, false",
    "true, false, true",
    "false, true, true",
    "true, true, true"
  })
  void theDefaultFrequencyNeverChangesAnAdoptedDetector(
      boolean given, boolean irctl, boolean changed) {
    Detector actual =
        new Detector(
            "d1",
            true,
            FindingFrequency.SIX_HOURS,
            Map.of(),
            irctl ? Map.of("managed-by", "irctl") : Map.of());
    DesiredDetector desired =
        DesiredDetector.of(
            given ? Optional.of(FindingFrequency.FIFTEEN_MINUTES) : Optional.empty(),
            Map.of(),
            List.of());

    List<DetectorChange> changes =
        DetectorPlanner.plan("r", desired, Optional.of(actual), List.of()).changes();

    assertThat(changes.isEmpty()).isEqualTo(!changed);
    DetectorChange.CreateDetector created =
        (DetectorChange.CreateDetector)
            DetectorPlanner.plan("r", desired, Optional.empty(), List.of()).changes().get(0);
    assertThat(created.frequency()).isEqualTo(FindingFrequency.FIFTEEN_MINUTES);
  }
}
