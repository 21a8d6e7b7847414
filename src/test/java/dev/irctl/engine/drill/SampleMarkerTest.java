package dev.irctl.engine.drill;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleMarkerTest {
  private static final String TYPE = SampleDrill.FINDING_TYPE;
  private static final String RAW =
      "{\"source\":\"aws.guardduty\",\"detail\":{\"type\":\""
          + TYPE
          + "\","
          + "\"service\":{\"additionalInfo\":{\"sample\":true}}}}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "raw EventBridge event|true",
        "API shape of additionalInfo|true",
        "inside an SNS envelope|true",
        "readable text|true",
        "a real finding (no marker)|false",
        "another finding type|false",
        "another source|false",
        "not JSON, not about the sample|false"
      })
  void recognisesOnlyTheDrillsSample(String shape, boolean expected) {
    String body =
        switch (shape) {
          case "raw EventBridge event" -> RAW;
          case "API shape of additionalInfo" ->
              RAW.replace(
                  "{\"sample\":true}",
                  "{\"type\":\"default\",\"value\":\"{\\\"sample\\\":true}\"}");
          case "inside an SNS envelope" ->
              "{\"Type\":\"Notification\",\"Message\":"
                  + new com.fasterxml.jackson.databind.node.TextNode(RAW)
                  + "}";
          case "readable text" ->
              "[SAMPLE] GuardDuty finding " + TYPE + " in eu-west-1 (severity 8)";
          case "a real finding (no marker)" -> RAW.replace("\"sample\":true", "\"x\":1");
          case "another finding type" -> RAW.replace(TYPE, "Recon:EC2/PortProbeUnprotectedPort");
          case "another source" -> RAW.replace("aws.guardduty", "aws.securityhub");
          default -> "CloudTrail logging stopped in eu-west-1";
        };

    assertThat(SampleMarker.carries(body, TYPE)).isEqualTo(expected);
  }
}
