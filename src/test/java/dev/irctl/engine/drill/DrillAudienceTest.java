package dev.irctl.engine.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillAudienceTest {
  private static final List<String> REGIONS =
      List.of("us-east-1", "us-east-2", "eu-west-1", "eu-west-2", "ap-south-1");

  private final FakePorts aws = new FakePorts();

  private static DrillTarget target(String region) {
    return new DrillTarget(region, "arn:aws:sns:" + region + ":123456789012:irctl-alerts");
  }

  private void subscribe(String region, String endpoint) {
    aws.alertPathFake()
        .subscriptionsIn(region)
        .existing(target(region).topicArn(), "email", endpoint, false);
  }

  @Test
  void everyRegionsConfirmedSubscribersAreReadAtOnceAndNamedOnce() {
    REGIONS.forEach(r -> subscribe(r, "soc@example.com"));
    subscribe("eu-west-1", "oncall@example.com");
    aws.alertPathFake()
        .subscriptionsIn("eu-west-2")
        .existing(target("eu-west-2").topicArn(), "email", "pending@example.com", true);
    aws.log().clear();
    aws.log().latency(300);

    String notified =
        DrillAudience.notified(
            aws.alertPath(), REGIONS.stream().map(DrillAudienceTest::target).toList(), 17);

    assertThat(notified).isEqualTo("email:soc@example.com, email:oncall@example.com");
    assertThat(aws.log().calls())
        .hasSize(REGIONS.size())
        .allMatch(c -> c.endsWith("sns:ListSubscriptionsByTopic"));
    assertThat(aws.log().maxInFlight()).isEqualTo(REGIONS.size());
  }

  @Test
  void aRegionThatCannotBeReadIsNamedAndTheOthersStillCount() {
    subscribe("us-east-1", "soc@example.com");
    aws.log()
        .fail(
            "eu-west-1",
            "sns:ListSubscriptionsByTopic",
            AwsCallException.Kind.ACCESS_DENIED,
            "not allowed");

    String notified =
        DrillAudience.notified(
            aws.alertPath(), List.of(target("us-east-1"), target("eu-west-1")), 1);

    assertThat(notified)
        .startsWith("email:soc@example.com, (eu-west-1: could not list subscriptions: ")
        .contains("not allowed");
  }
}
