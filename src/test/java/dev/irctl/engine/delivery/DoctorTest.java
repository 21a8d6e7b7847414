package dev.irctl.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.TrailPort;
import dev.irctl.fakes.FakePorts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The doctor over the fakes: what it reads, and per-region results. */
class DoctorTest {
  private final FakePorts fakes = new FakePorts();
  private final Doctor doctor =
      new Doctor(fakes, Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

  private String healthyRegion(String region) {
    fakes.snsIn(region).existing("irctl-alerts", DeliveryChecksTest.TOPIC_POLICY, Map.of());
    String topic = fakes.snsIn(region).arnOf("irctl-alerts");
    fakes
        .alertPathFake()
        .subscriptionsIn(region)
        .existing(topic, "email", "soc@example.com", false);
    fakes
        .eventBridgeIn(region)
        .existing(
            "default",
            "irctl-iam-mfa-deactivated",
            "{\"source\":[\"aws.iam\"]}",
            "ENABLED",
            Map.of("managed-by", "irctl"),
            List.of(RuleTarget.of("irctl-sns", topic, Optional.empty())))
        .deadLetter(
            "default",
            "irctl-iam-mfa-deactivated",
            "irctl-sns",
            "arn:aws:sqs:" + region + ":" + FakePorts.ACCOUNT + ":irctl-dlq");
    return topic;
  }

  @Test
  void aHealthyAccountIsCleanAndEachRegionMakesOneMetricsCall() {
    fakes
        .alertPathFake()
        .trailsFake()
        .trail(
            new TrailPort.Trail(
                "org",
                "arn:aws:cloudtrail:us-east-1:" + FakePorts.ACCOUNT + ":trail/org",
                "us-east-1",
                true,
                true),
            true,
            new TrailPort.EventSelectors(List.of(), List.of()));
    List<DoctorTarget> targets =
        List.of("us-east-1", "eu-west-1").stream()
            .map(r -> new DoctorTarget(r, healthyRegion(r), List.of(), false))
            .toList();

    DoctorResult result = doctor.diagnose(targets);

    assertThat(result.outcome()).isEqualTo(DoctorResult.Outcome.CLEAN);
    assertThat(result.regions())
        .extracting(RegionDiagnosis::region)
        .containsExactly("us-east-1", "eu-west-1");
    assertThat(fakes.log().matching(c -> c.contains("cloudwatch:GetMetricData")))
        .containsExactlyInAnyOrder(
            "us-east-1 cloudwatch:GetMetricData", "eu-west-1 cloudwatch:GetMetricData");
    // The shadow trail's status is read in its home region.
    assertThat(fakes.log().matching(c -> c.contains("cloudtrail:GetTrailStatus")))
        .containsOnly("us-east-1 cloudtrail:GetTrailStatus");
    assertThat(fakes.log().writes()).isEmpty();
  }

  @Test
  void findingsInOneRegionAndAnErrorInAnotherAreKeptApart() {
    String topic = healthyRegion("eu-west-1");
    fakes.alertPathFake().metricsIn("eu-west-1").failedInvocations("irctl-iam-mfa-deactivated", 4);
    String other = healthyRegion("ap-south-1");
    fakes
        .log()
        .fail("ap-south-1", "sns:GetTopicAttributes", AwsCallException.Kind.ACCESS_DENIED, "no");

    DoctorResult result =
        doctor.diagnose(
            List.of(
                new DoctorTarget("eu-west-1", topic, List.of(), false),
                new DoctorTarget("ap-south-1", other, List.of(), false)));

    assertThat(result.outcome()).isEqualTo(DoctorResult.Outcome.ERROR);
    RegionDiagnosis eu = result.regions().get(0);
    assertThat(eu.findings())
        .extracting(DeliveryFinding::kind)
        .containsExactlyInAnyOrder(FindingKind.FAILED_INVOCATIONS, FindingKind.NO_TRAIL_LOGGING);
    assertThat(eu.health()).isEqualTo(DeliveryHealth.BROKEN);
    assertThat(result.regions().get(1).error().orElseThrow()).contains("sns:GetTopicAttributes");
  }

  @Test
  void anEncryptedTopicsKeyIsReadAndJudged() {
    String topic = healthyRegion("eu-west-1");
    fakes.snsIn("eu-west-1").setTopicAttribute(topic, "KmsMasterKeyId", "alias/irctl");
    fakes.kmsIn("eu-west-1").key("alias/irctl", false, "{\"Statement\":[]}");

    DoctorResult result =
        doctor.diagnose(List.of(new DoctorTarget("eu-west-1", topic, List.of(), false)));

    assertThat(result.regions().get(0).findings())
        .extracting(DeliveryFinding::kind)
        .contains(FindingKind.KMS_KEY_POLICY_MISSING_EVENTBRIDGE);
  }
}
