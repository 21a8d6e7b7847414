package dev.irctl.engine.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.fakes.FakeAlertPath;
import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SampleDrillTest {
  private static final String TOPIC =
      "arn:aws:sns:eu-west-1:" + FakePorts.ACCOUNT + ":irctl-alerts";
  private static final Duration TIMEOUT = Duration.ofMinutes(10);

  private final FakePorts fakes = new FakePorts();
  private final FakeAlertPath path = fakes.alertPathFake();
  private final AtomicInteger counter = new AtomicInteger();
  private final SampleDrill drill =
      new SampleDrill(path, path.time(), () -> "run" + counter.incrementAndGet());

  private static String topic(String region) {
    return "arn:aws:sns:" + region + ":" + FakePorts.ACCOUNT + ":irctl-alerts";
  }

  @Test
  void aSampleThatArrivesIsDeliveredAfterItsDelayAndTheQueueIsRemoved() {
    path.deliverAfter("eu-west-1", Duration.ofSeconds(95));

    RegionDrill result = drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);

    assertThat(result.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(result.deliveredAfter()).contains(Duration.ofSeconds(95));
    assertThat(result.leftBehind()).isEmpty();
    assertThat(path.queuesIn("eu-west-1").names()).isEmpty();
    assertThat(path.subscriptionsIn("eu-west-1").all()).isEmpty();
    assertThat(path.sampleFindingsIn("eu-west-1").created())
        .containsExactly(List.of(SampleDrill.FINDING_TYPE));
  }

  @Test
  void theQueueLetsOnlyTheIrctlTopicSendAndIsSubscribedWithRawDelivery() {
    path.deliverAfter("eu-west-1", Duration.ofSeconds(5));
    path.queuesIn("eu-west-1")
        .onReceive(
            () -> {
              var queue = path.queuesIn("eu-west-1");
              String arn = "arn:aws:sqs:eu-west-1:" + FakePorts.ACCOUNT + ":irctl-drill-run1";
              var stored = queue.byArn(arn).orElseThrow();
              assertThat(stored.policy())
                  .contains("\"aws:SourceArn\":\"" + TOPIC + "\"")
                  .contains("\"Service\":\"sns.amazonaws.com\"")
                  .contains("\"Action\":\"sqs:SendMessage\"");
              assertThat(stored.tags()).containsEntry("managed-by", "irctl");
              assertThat(path.subscriptionsIn("eu-west-1").all())
                  .singleElement()
                  .satisfies(
                      s -> {
                        assertThat(s.endpoint()).isEqualTo(arn);
                        assertThat(s.attributes()).containsEntry("RawMessageDelivery", "true");
                      });
            });

    assertThat(drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT).status())
        .isEqualTo(DeliveryStatus.DELIVERED);
  }

  @Test
  void aSampleThatNeverArrivesTimesOutAndStillCleansUp() {
    RegionDrill result = drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);

    assertThat(result.status()).isEqualTo(DeliveryStatus.NOT_DELIVERED);
    assertThat(result.reason()).contains("no sample finding arrived within 600 s");
    assertThat(path.queuesIn("eu-west-1").names()).isEmpty();
    assertThat(path.subscriptionsIn("eu-west-1").all()).isEmpty();
    // Long polls of at most 20 s: 600 s take 30 ReceiveMessage calls.
    assertThat(fakes.log().matching(c -> c.contains("sqs:ReceiveMessage"))).hasSize(30);
  }

  @Test
  void aSampleArrivingAfterTheTimeoutIsNotDelivered() {
    path.deliverAfter("eu-west-1", Duration.ofMinutes(11));

    assertThat(drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT).status())
        .isEqualTo(DeliveryStatus.NOT_DELIVERED);
  }

  @Test
  void anInterruptedDrillRemovesItsQueueAndSubscription() {
    path.queuesIn("eu-west-1").onReceive(() -> Thread.currentThread().interrupt());

    RegionDrill result = drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);
    boolean interrupted = Thread.interrupted(); // clears the flag for the next tests

    assertThat(interrupted).isTrue();
    assertThat(result.status()).isEqualTo(DeliveryStatus.INTERRUPTED);
    assertThat(path.queuesIn("eu-west-1").names()).isEmpty();
    assertThat(path.subscriptionsIn("eu-west-1").all()).isEmpty();
  }

  @Test
  void abortFromAShutdownHookRemovesTheQueueWhileTheDrillPolls() {
    path.queuesIn("eu-west-1").onReceive(drill::abort);

    RegionDrill result = drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);

    assertThat(result.status()).isEqualTo(DeliveryStatus.INTERRUPTED);
    assertThat(path.queuesIn("eu-west-1").names()).isEmpty();
    assertThat(path.subscriptionsIn("eu-west-1").all()).isEmpty();
    // Removed once: by abort, not again by the drill's own cleanup.
    assertThat(fakes.log().matching(c -> c.contains("sqs:DeleteQueue"))).hasSize(1);
  }

  @Test
  void aRegionWithoutGuardDutyFailsWithoutCreatingAnything() {
    path.sampleFindingsIn("eu-west-1").withoutDetector();

    RegionDrill result = drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);

    assertThat(result.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(result.reason().orElseThrow()).contains("no detector");
    assertThat(fakes.log().writes()).isEmpty();
  }

  @Test
  void aFailedCallIsAFailureNamingItAndTheQueueIsStillRemoved() {
    fakes
        .log()
        .fail(
            "eu-west-1",
            "guardduty:CreateSampleFindings",
            AwsCallException.Kind.ACCESS_DENIED,
            "not authorized");

    RegionDrill result = drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);

    assertThat(result.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(result.reason().orElseThrow()).contains("guardduty:CreateSampleFindings");
    assertThat(path.queuesIn("eu-west-1").names()).isEmpty();
    assertThat(path.subscriptionsIn("eu-west-1").all()).isEmpty();
  }

  @Test
  void queuesAKilledRunLeftBehindAreRemovedOnceAnHourOldWithTheirSubscriptions() {
    var queues = path.queuesIn("eu-west-1");
    var now = path.time().now();
    queues.existing(
        "irctl-drill-old", now.minus(Duration.ofHours(2)), Map.of("managed-by", "irctl"));
    queues.existing(
        "irctl-drill-young", now.minus(Duration.ofMinutes(10)), Map.of("managed-by", "irctl"));
    queues.existing("irctl-drill-foreign", now.minus(Duration.ofHours(5)), Map.of());
    String oldArn = "arn:aws:sqs:eu-west-1:" + FakePorts.ACCOUNT + ":irctl-drill-old";
    path.subscriptionsIn("eu-west-1").existing(TOPIC, "sqs", oldArn, false);
    path.deliverAfter("eu-west-1", Duration.ofSeconds(30));

    drill.run(new DrillTarget("eu-west-1", TOPIC), TIMEOUT);

    assertThat(queues.names()).containsExactly("irctl-drill-foreign", "irctl-drill-young");
    assertThat(path.subscriptionsIn("eu-west-1").all()).isEmpty();
  }

  @Test
  void regionsRunConcurrentlyAndOneRegionsFailureStopsNoOther() {
    List<String> regions = List.of("us-east-1", "eu-west-1", "ap-southeast-2", "eu-north-1");
    path.deliverAfter("us-east-1", Duration.ofSeconds(60));
    path.deliverAfter("eu-west-1", Duration.ofSeconds(120));
    path.deliverAfter("eu-north-1", Duration.ofSeconds(45));
    fakes
        .log()
        .fail("ap-southeast-2", "sqs:CreateQueue", AwsCallException.Kind.ACCESS_DENIED, "denied");
    // Each polling region waits at its first poll until all three poll: sequential regions never
    // would, and the latch would time out.
    java.util.concurrent.CountDownLatch polling = new java.util.concurrent.CountDownLatch(3);
    for (String region : List.of("us-east-1", "eu-west-1", "eu-north-1")) {
      java.util.concurrent.atomic.AtomicBoolean first =
          new java.util.concurrent.atomic.AtomicBoolean(true);
      path.queuesIn(region)
          .onReceive(
              () -> {
                if (first.getAndSet(false)) {
                  polling.countDown();
                  try {
                    if (!polling.await(10, java.util.concurrent.TimeUnit.SECONDS)) {
                      throw new AssertionError("regions did not poll concurrently");
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              });
    }

    List<RegionDrill> results =
        DrillRun.runAll(
            drill, regions.stream().map(r -> new DrillTarget(r, topic(r))).toList(), TIMEOUT);

    assertThat(results).extracting(RegionDrill::region).containsExactlyElementsOf(regions);
    assertThat(results)
        .extracting(RegionDrill::status)
        .containsExactly(
            DeliveryStatus.DELIVERED,
            DeliveryStatus.DELIVERED,
            DeliveryStatus.FAILED,
            DeliveryStatus.DELIVERED);
    // Virtual time is shared: each region's delivery is seen no earlier than its own delay.
    assertThat(results.get(1).deliveredAfter().orElseThrow())
        .isGreaterThanOrEqualTo(Duration.ofSeconds(120));
    regions.forEach(r -> assertThat(path.queuesIn(r).names()).isEmpty());
  }
}
