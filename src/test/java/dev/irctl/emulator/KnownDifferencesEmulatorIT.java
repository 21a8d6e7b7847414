package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * Where moto 5.2 differs from AWS, pinned so a moto upgrade that closes a gap is noticed. The
 * behaviour AWS has instead is covered by the WireMock tests (src/test/java/dev/irctl/aws).
 */
class KnownDifferencesEmulatorIT extends EmulatorTier {
  static final String REGION = "eu-south-2";

  @Test
  void aSecondDetectorIsAcceptedWhereAwsAllowsOnePerRegion() {
    GuardDutyClient guardDuty = emulator.guardDuty(REGION);
    guardDuty.createDetector(r -> r.enable(true));
    guardDuty.createDetector(r -> r.enable(true));
    assertThat(guardDuty.listDetectors().detectorIds()).hasSize(2);
  }

  @Test
  void guardDutyMembersListsAndTagsAreMissing() {
    GuardDutyClient guardDuty = emulator.guardDuty("me-central-1");
    String detector = guardDuty.createDetector(r -> r.enable(true)).detectorId();
    assertThatThrownBy(() -> guardDuty.listMembers(r -> r.detectorId(detector)))
        .isInstanceOf(AwsServiceException.class)
        .extracting(e -> ((AwsServiceException) e).statusCode())
        .isEqualTo(404);
    assertThatThrownBy(() -> guardDuty.listThreatIntelSets(r -> r.detectorId(detector)))
        .extracting(e -> ((AwsServiceException) e).statusCode())
        .isEqualTo(404);
    assertThatThrownBy(() -> guardDuty.listIPSets(r -> r.detectorId(detector)))
        .extracting(e -> ((AwsServiceException) e).statusCode())
        .isEqualTo(404);
    assertThatThrownBy(
            () ->
                guardDuty.tagResource(
                    r ->
                        r.resourceArn(
                                "arn:aws:guardduty:me-central-1:"
                                    + Emulator.ACCOUNT
                                    + ":detector/"
                                    + detector)
                            .tags(java.util.Map.of("a", "b"))))
        .extracting(e -> ((AwsServiceException) e).statusCode())
        .isEqualTo(404);
  }

  @Test
  void threatIntelSetsFailTheRegionWithTheOperationNamed() throws Exception {
    Irctl.Result result =
        irctl(
            "enable-guardduty",
            "--region",
            "ca-central-1",
            "--threat-intel-set",
            "bad=s3://lists/bad.txt");
    assertThat(result.exitCode()).as("%s", result).isEqualTo(1);
    // A new detector goes straight to CreateThreatIntelSet, an existing one lists first.
    assertThat(result.out() + result.err())
        .containsPattern("guardduty:(List|Create)ThreatIntelSets? failed: HTTP 404");
  }

  @Test
  void testEventPatternAnswersWithoutAResult() {
    var response =
        emulator
            .events(REGION)
            .testEventPattern(
                r ->
                    r.eventPattern("{\"source\":[\"aws.ec2\"]}")
                        .event(
                            "{\"id\":\"1\",\"account\":\""
                                + Emulator.ACCOUNT
                                + "\",\"source\":\"aws.ec2\",\"time\":\"2026-01-01T00:00:00Z\","
                                + "\"region\":\""
                                + REGION
                                + "\",\"resources\":[],\"detail-type\":\"x\",\"detail\":{}}"));
    assertThat(response.result()).as("TestEventPattern's Result").isNull();
  }
}
