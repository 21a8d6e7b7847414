package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.guardduty.model.DetectorStatus;
import software.amazon.awssdk.services.guardduty.model.GetDetectorResponse;

class GuardDutyEmulatorIT extends EmulatorTier {
  @Test
  void twoRunsOverSeventeenRegionsLeaveExactlyOneEnabledDetectorInEach() throws Exception {
    ok("enable-guardduty", "--region", ALL_REGIONS);
    for (String region : Emulator.REGIONS) {
      assertThat(proxy.calls())
          .as("CreateDetector in %s", region)
          .filteredOn(c -> c.region().equals(region) && c.operation().equals("POST /detector"))
          .hasSize(1);
    }

    // moto would accept a second CreateDetector (AWS refuses it): the second run must not send one.
    ok("enable-guardduty", "--region", ALL_REGIONS);
    assertThat(proxy.writes()).as("write calls of the second run").isEmpty();

    for (String region : Emulator.REGIONS) {
      GuardDutyClient guardDuty = emulator.guardDuty(region);
      var ids = guardDuty.listDetectors().detectorIds();
      assertThat(ids).as("detectors in %s", region).hasSize(1);
      GetDetectorResponse detector = guardDuty.getDetector(r -> r.detectorId(ids.get(0)));
      assertThat(detector.status()).as(region).isEqualTo(DetectorStatus.ENABLED);
      assertThat(detector.findingPublishingFrequencyAsString())
          .as(region)
          .isEqualTo("FIFTEEN_MINUTES");
      assertThat(detector.tags()).as(region).containsEntry("managed-by", "irctl");
    }
  }

  @Test
  void aDisabledDetectorSomeoneElseMadeIsEnabledNotReplaced() throws Exception {
    String region = "eu-south-1"; // outside the 17, so the tests do not meet
    GuardDutyClient guardDuty = emulator.guardDuty(region);
    guardDuty
        .listDetectors()
        .detectorIds()
        .forEach(id -> guardDuty.deleteDetector(r -> r.detectorId(id)));
    String theirs =
        guardDuty
            .createDetector(r -> r.enable(false).findingPublishingFrequency("SIX_HOURS"))
            .detectorId();

    ok("enable-guardduty", "--region", region);

    assertThat(guardDuty.listDetectors().detectorIds()).containsExactly(theirs);
    assertThat(guardDuty.getDetector(r -> r.detectorId(theirs)).status())
        .isEqualTo(DetectorStatus.ENABLED);
    assertThat(proxy.calls()).noneMatch(c -> c.operation().equals("POST /detector"));
  }
}
