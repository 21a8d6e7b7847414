package dev.irctl.engine.drill;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.QueuePort;
import dev.irctl.engine.port.SampleFindingsPort;
import dev.irctl.engine.port.SubscriptionPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A fire drill for one region: a temporary queue subscribed (raw delivery) to the irctl topic, one
 * GuardDuty sample finding, and a long poll until it arrives. The queue and subscription are
 * removed at the end, on failure, on interruption and on {@link #abort()} (a shutdown hook). Queues
 * an earlier, killed drill left behind are removed once they are an hour old.
 */
public final class SampleDrill {
  public static final String QUEUE_PREFIX = "irctl-drill-";

  /** A HIGH-severity (8.0) finding type, so severity-filtered rules fire too. */
  public static final String FINDING_TYPE = "Backdoor:EC2/C&CActivity.B";

  /** Older drill queues belong to a run that was killed before it could clean up. */
  public static final Duration STALE_AFTER = Duration.ofHours(1);

  private static final int MAX_POLL_SECONDS = 20;

  private final AlertPathPorts ports;
  private final DrillClock clock;
  private final Supplier<String> suffix;

  /** What every drill in flight has created, so {@link #abort()} can remove it from any thread. */
  private final Set<Runnable> live = ConcurrentHashMap.newKeySet();

  private volatile boolean aborted;

  public SampleDrill(AlertPathPorts ports, DrillClock clock, Supplier<String> suffix) {
    this.ports = ports;
    this.clock = clock;
    this.suffix = suffix;
  }

  /** Runs the drill in one region; never throws for AWS failures (they are a FAILED result). */
  public RegionDrill run(DrillTarget target, Duration timeout) {
    String region = target.region();
    QueuePort queues = ports.queues(region);
    SubscriptionPort subscriptions = ports.subscriptions(region);
    List<String> leftBehind = new ArrayList<>();
    List<Runnable> cleanup = new ArrayList<>();
    try {
      removeStale(target, queues, subscriptions, leftBehind);
      SampleFindingsPort guardDuty = ports.sampleFindings(region);
      Optional<String> detector = guardDuty.detectorId();
      if (detector.isEmpty()) {
        return RegionDrill.ended(
            region,
            DeliveryStatus.FAILED,
            "GuardDuty has no detector in " + region + ", so no sample finding can be made",
            leftBehind);
      }
      String name = QUEUE_PREFIX + suffix.get();
      String queueArn =
          "arn:" + target.partition() + ":sqs:" + region + ":" + target.account() + ":" + name;
      QueuePort.Queue queue =
          queues.createQueue(
              name, DrillQueuePolicy.document(queueArn, target.topicArn()), Ownership.tags());
      track(cleanup, () -> queues.deleteQueue(queue.url()), "queue " + queue.url(), leftBehind);
      String subscription =
          subscriptions.subscribe(
              target.topicArn(), "sqs", queue.arn(), Map.of("RawMessageDelivery", "true"));
      // Unsubscribe first: cleanup runs in reverse order of creation.
      track(
          cleanup,
          () -> subscriptions.unsubscribe(subscription),
          "subscription " + subscription,
          leftBehind);
      checkStopped();
      Instant start = clock.now();
      guardDuty.createSampleFindings(detector.get(), List.of(FINDING_TYPE));
      return await(region, queues, queue.url(), start, timeout, leftBehind);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return RegionDrill.ended(
          region, DeliveryStatus.INTERRUPTED, "the drill was interrupted", leftBehind);
    } catch (AwsCallException e) {
      if (aborted) {
        return RegionDrill.ended(
            region, DeliveryStatus.INTERRUPTED, "the drill was aborted", leftBehind);
      }
      return RegionDrill.ended(region, DeliveryStatus.FAILED, e.getMessage(), leftBehind);
    } finally {
      for (int i = cleanup.size() - 1; i >= 0; i--) {
        Runnable step = cleanup.get(i);
        step.run();
        live.remove(step);
      }
    }
  }

  /**
   * Removes what every drill in flight has created, from any thread (a shutdown hook on Ctrl-C);
   * the drills then end as INTERRUPTED.
   */
  public void abort() {
    aborted = true;
    for (Runnable step : List.copyOf(live)) {
      step.run();
    }
  }

  private RegionDrill await(
      String region,
      QueuePort queues,
      String queueUrl,
      Instant start,
      Duration timeout,
      List<String> leftBehind)
      throws InterruptedException {
    Instant deadline = start.plus(timeout);
    while (clock.now().isBefore(deadline)) {
      checkStopped();
      long remaining = Duration.between(clock.now(), deadline).toMillis();
      int wait = (int) Math.max(1, Math.min(MAX_POLL_SECONDS, (remaining + 999) / 1000));
      for (String body : queues.receive(queueUrl, wait)) {
        if (SampleMarker.carries(body, FINDING_TYPE)) {
          return RegionDrill.delivered(region, Duration.between(start, clock.now()), leftBehind);
        }
      }
    }
    return RegionDrill.ended(
        region,
        DeliveryStatus.NOT_DELIVERED,
        "no sample finding arrived within " + timeout.toSeconds() + " s",
        leftBehind);
  }

  private void checkStopped() throws InterruptedException {
    if (aborted || Thread.currentThread().isInterrupted()) {
      throw new InterruptedException("drill stopped");
    }
  }

  /**
   * Registers an idempotent cleanup step: run once by whichever comes first, the drill's own end or
   * {@link #abort()}; a failure is recorded in {@code leftBehind}, never thrown.
   */
  private void track(
      List<Runnable> cleanup, Runnable remove, String what, List<String> leftBehind) {
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    Runnable step =
        () -> {
          if (done.compareAndSet(false, true)) {
            try {
              remove.run();
            } catch (RuntimeException e) {
              synchronized (leftBehind) {
                leftBehind.add(what + " (" + e.getMessage() + ")");
              }
            }
          }
        };
    cleanup.add(step);
    live.add(step);
  }

  /**
   * Drill queues (irctl's name and tag) older than an hour, and their subscriptions to the topic.
   */
  private void removeStale(
      DrillTarget target,
      QueuePort queues,
      SubscriptionPort subscriptions,
      List<String> leftBehind) {
    Instant cutoff = clock.now().minus(STALE_AFTER);
    List<QueuePort.QueueInfo> stale =
        queues.listQueues(QUEUE_PREFIX).stream()
            .filter(q -> q.name().startsWith(QUEUE_PREFIX))
            .filter(q -> Ownership.taggedByIrctl(q.tags()))
            .filter(q -> q.created().isBefore(cutoff))
            .toList();
    if (stale.isEmpty()) {
      return;
    }
    Set<String> staleArns = new java.util.HashSet<>();
    stale.forEach(q -> staleArns.add(q.arn()));
    for (SubscriptionPort.TopicSubscription s : subscriptions.list(target.topicArn())) {
      if ("sqs".equals(s.protocol()) && staleArns.contains(s.endpoint()) && !s.pending()) {
        try {
          subscriptions.unsubscribe(s.arn());
        } catch (AwsCallException e) {
          leftBehind.add("subscription " + s.arn() + " (" + e.getMessage() + ")");
        }
      }
    }
    for (QueuePort.QueueInfo q : stale) {
      try {
        queues.deleteQueue(q.url());
      } catch (AwsCallException e) {
        leftBehind.add("queue " + q.url() + " (" + e.getMessage() + ")");
      }
    }
  }
}
