package dev.irctl.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.DetectorFeature;
import dev.irctl.engine.port.DetectorUpdate;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.GuardDutyPort;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardDutyAdapterWireTest {
  private final WireMockAws aws = new WireMockAws();
  private final GuardDutyPort guardDuty = aws.ports().guardDuty("eu-west-1");

  @AfterEach
  void everyOperationSentIsDeclaredThenStop() {
    aws.assertDeclaredThenClose(GuardDutyAdapter.ACTIONS);
  }

  @Test
  void createDetectorSendsEnableFrequencyFeaturesAndTags() {
    aws.server()
        .stubFor(post(urlEqualTo("/detector")).willReturn(okJson("{\"detectorId\":\"d-new\"}")));

    String id =
        guardDuty.createDetector(
            FindingFrequency.FIFTEEN_MINUTES,
            Map.of(DetectorFeature.RDS_LOGIN_EVENTS, true),
            Map.of("managed-by", "irctl"));

    assertThat(id).isEqualTo("d-new");
    aws.server()
        .verify(
            postRequestedFor(urlEqualTo("/detector"))
                .withRequestBody(
                    equalToJson(
                        "{\"enable\":true,\"findingPublishingFrequency\":\"FIFTEEN_MINUTES\","
                            + "\"features\":[{\"name\":\"RDS_LOGIN_EVENTS\",\"status\":\"ENABLED\"}],"
                            + "\"tags\":{\"managed-by\":\"irctl\"}}",
                        true,
                        true)));
  }

  @Test
  void createDetectorWithoutNamedFeaturesSendsNoFeatures() {
    aws.server()
        .stubFor(post(urlEqualTo("/detector")).willReturn(okJson("{\"detectorId\":\"d-new\"}")));

    guardDuty.createDetector(FindingFrequency.ONE_HOUR, Map.of(), Map.of("managed-by", "irctl"));

    String body = aws.server().getAllServeEvents().get(0).getRequest().getBodyAsString();
    assertThat(body)
        .doesNotContain("features")
        .contains("\"findingPublishingFrequency\":\"ONE_HOUR\"");
  }

  @Test
  void updateDetectorSendsOnlyTheChangedSettings() {
    aws.server().stubFor(post(urlEqualTo("/detector/d1")).willReturn(okJson("{}")));

    guardDuty.updateDetector(
        "d1",
        new DetectorUpdate(false, Optional.empty(), Map.of(DetectorFeature.S3_DATA_EVENTS, false)));

    String body = aws.server().getAllServeEvents().get(0).getRequest().getBodyAsString();
    assertThat(body)
        .contains("\"features\":[{\"name\":\"S3_DATA_EVENTS\",\"status\":\"DISABLED\"}]")
        .doesNotContain("enable")
        .doesNotContain("findingPublishingFrequency");
  }

  @Test
  void findDetectorReadsStatusFrequencyFeaturesAndTags() {
    aws.server()
        .stubFor(get(urlPathEqualTo("/detector")).willReturn(okJson("{\"detectorIds\":[\"d1\"]}")));
    aws.server()
        .stubFor(
            get(urlEqualTo("/detector/d1"))
                .willReturn(
                    okJson(
                        "{\"status\":\"DISABLED\",\"findingPublishingFrequency\":\"SIX_HOURS\",\"serviceRole\":\"r\","
                            + "\"features\":[{\"name\":\"S3_DATA_EVENTS\",\"status\":\"ENABLED\"},"
                            + "{\"name\":\"EKS_AUDIT_LOGS\",\"status\":\"DISABLED\"}],\"tags\":{\"owner\":\"x\"}}")));

    Detector detector = guardDuty.findDetector().orElseThrow();

    assertThat(detector.id()).isEqualTo("d1");
    assertThat(detector.enabled()).isFalse();
    assertThat(detector.frequency()).isEqualTo(FindingFrequency.SIX_HOURS);
    assertThat(detector.features())
        .containsEntry("S3_DATA_EVENTS", true)
        .containsEntry("EKS_AUDIT_LOGS", false);
    assertThat(detector.tags()).containsEntry("owner", "x");
    assertThat(aws.operations())
        .containsExactly("GuardDuty:ListDetectors", "GuardDuty:GetDetector");
  }

  @Test
  void throttlingIsRetriedUntilItSucceeds() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector"))
                .inScenario("throttle")
                .whenScenarioStateIs(STARTED)
                .willReturn(
                    aResponse()
                        .withStatus(429)
                        .withHeader("x-amzn-ErrorType", "TooManyRequestsException")
                        .withBody("{\"message\":\"Rate exceeded\"}"))
                .willSetStateTo("second"));
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector"))
                .inScenario("throttle")
                .whenScenarioStateIs("second")
                .willReturn(okJson("{\"detectorIds\":[]}")));

    assertThat(guardDuty.findDetector()).isEmpty();
    aws.server().verify(2, getRequestedFor(urlPathEqualTo("/detector")));
  }

  @Test
  void anOptInRegionsUnrecognizedClientBecomesRegionNotEnabled() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector"))
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("x-amzn-ErrorType", "UnrecognizedClientException")
                        .withBody(
                            "{\"message\":\"The security token included in the request is invalid.\"}")));

    assertThatThrownBy(guardDuty::findDetector)
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AwsCallException.Kind.REGION_NOT_ENABLED);
              assertThat(e.getMessage()).contains("region is not enabled for this account");
            });
  }

  @Test
  void accessDeniedNamesTheMissingAction() {
    aws.server()
        .stubFor(
            post(urlEqualTo("/detector"))
                .willReturn(
                    aResponse()
                        .withStatus(403)
                        .withHeader("x-amzn-ErrorType", "AccessDeniedException")
                        .withBody(
                            "{\"message\":\"User: arn:aws:iam::111122223333:user/ci is not authorized\"}")));

    assertThatThrownBy(
            () -> guardDuty.createDetector(FindingFrequency.ONE_HOUR, Map.of(), Map.of()))
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(AwsCallException.Kind.ACCESS_DENIED);
              assertThat(e.getMessage())
                  .contains("guardduty:CreateDetector")
                  .contains("is not authorized");
            });
  }

  @Test
  void aPersistentServerErrorFailsAfterRetriesAsAServiceError() {
    aws.server()
        .stubFor(
            get(urlPathEqualTo("/detector"))
                .willReturn(
                    aResponse()
                        .withStatus(500)
                        .withHeader("x-amzn-ErrorType", "InternalServerErrorException")
                        .withBody("{\"message\":\"oops\"}")));

    assertThatThrownBy(guardDuty::findDetector)
        .isInstanceOfSatisfying(
            AwsCallException.class,
            e -> assertThat(e.kind()).isEqualTo(AwsCallException.Kind.SERVICE_ERROR));
    aws.server().verify(AwsClients.MAX_ATTEMPTS, getRequestedFor(urlPathEqualTo("/detector")));
  }

  @Test
  void requestsAreSignedForTheRegionOfThePort() {
    aws.server()
        .stubFor(get(urlPathEqualTo("/detector")).willReturn(okJson("{\"detectorIds\":[]}")));

    guardDuty.findDetector();

    aws.server()
        .verify(
            getRequestedFor(urlPathEqualTo("/detector"))
                .withHeader(
                    "Authorization",
                    com.github.tomakehurst.wiremock.client.WireMock.containing(
                        "/eu-west-1/guardduty/aws4_request")));
  }
}
