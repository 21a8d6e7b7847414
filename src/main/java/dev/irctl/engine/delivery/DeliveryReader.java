package dev.irctl.engine.delivery;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.alertpath.AlertPathAlarm;
import dev.irctl.engine.hub.AlertPathLogGroup;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.KmsPort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.port.SubscriptionPort.TopicSubscription;
import dev.irctl.engine.port.TrailPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Gathers one region's delivery facts through the ports, read-only: the topic and its key,
 * subscriptions, irctl's rules on the default bus with their targets, one GetMetricData for all
 * their FailedInvocations, the alert-path log group and alarm when a rule targets them, and the
 * trails covering the region (status and selectors read in each trail's home region). Independent
 * calls run at once, so a region costs its longest chain of dependent calls: topic → key → key
 * policy, rules → targets → alert path, trails → status.
 */
public final class DeliveryReader {
  public static final String DEFAULT_BUS = "default";
  static final Duration METRICS_WINDOW = Duration.ofHours(24);

  /** Calls in flight per region for the per-rule target reads. */
  static final int CALLS_IN_FLIGHT = 16;

  private final Ports ports;
  private final Parallel parallel;

  public DeliveryReader(Ports ports, Parallel parallel) {
    this.ports = ports;
    this.parallel = parallel;
  }

  public RegionFacts read(DoctorTarget target, Instant now) {
    String region = target.region();
    CompletableFuture<Optional<Map<String, String>>> attributes =
        parallel.fork(() -> ports.sns(region).topicAttributes(target.topicArn()));
    CompletableFuture<Optional<RegionFacts.KeyFacts>> key =
        attributes.thenCompose(
            a -> {
              String keyId = a.map(m -> m.getOrDefault("KmsMasterKeyId", "")).orElse("");
              return keyId.isEmpty()
                  ? CompletableFuture.completedFuture(Optional.<RegionFacts.KeyFacts>empty())
                  : parallel.fork(() -> Optional.of(key(region, keyId)));
            });
    CompletableFuture<List<TopicSubscription>> subscriptions =
        attributes.thenCompose(
            a ->
                a.isPresent()
                    ? parallel.fork(
                        () -> ports.alertPath().subscriptions(region).list(target.topicArn()))
                    : CompletableFuture.completedFuture(List.<TopicSubscription>of()));
    CompletableFuture<List<RegionFacts.RuleFacts>> rules = parallel.fork(() -> rules(region, now));
    CompletableFuture<Optional<RegionFacts.AlertPathFacts>> alertPath =
        rules.thenCompose(r -> alertPath(region, r));
    CompletableFuture<List<RegionFacts.TrailFacts>> trails = parallel.fork(() -> trails(region));
    return new RegionFacts(
        region,
        target.partition(),
        target.topicArn(),
        Parallel.join(attributes),
        Parallel.join(key),
        Parallel.join(subscriptions),
        Parallel.join(rules),
        Parallel.join(trails),
        target.honeyBuckets(),
        target.readableMessages(),
        Parallel.join(alertPath));
  }

  private List<RegionFacts.RuleFacts> rules(String region, Instant now) {
    EventBridgePort events = ports.eventBridge(region);
    List<String> names =
        events.listRules(DEFAULT_BUS, "irctl-").stream().map(BusRule::name).toList();
    CompletableFuture<Map<String, Double>> failed =
        names.isEmpty()
            ? CompletableFuture.completedFuture(Map.of())
            : parallel.fork(
                () ->
                    ports
                        .alertPath()
                        .metrics(region)
                        .failedInvocations(names, now.minus(METRICS_WINDOW), now));
    List<List<EventBridgePort.TargetRoute>> routes =
        parallel.map(names, CALLS_IN_FLIGHT, name -> events.targetRoutes(DEFAULT_BUS, name));
    Map<String, Double> sums = Parallel.join(failed);
    List<RegionFacts.RuleFacts> rules = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      rules.add(
          new RegionFacts.RuleFacts(
              names.get(i), routes.get(i), sums.getOrDefault(names.get(i), 0.0)));
    }
    return rules;
  }

  /** Read only when some irctl rule delivers to the alert-path log group. */
  private CompletableFuture<Optional<RegionFacts.AlertPathFacts>> alertPath(
      String region, List<RegionFacts.RuleFacts> rules) {
    boolean targeted =
        rules.stream()
            .flatMap(r -> r.targets().stream())
            .anyMatch(t -> RuleTarget.ALERT_PATH_TARGET_ID.equals(t.id()));
    if (!targeted) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    CompletableFuture<Boolean> group =
        parallel.fork(
            () -> ports.alertPath().logGroups(region).logGroup(AlertPathLogGroup.NAME).isPresent());
    CompletableFuture<Optional<dev.irctl.engine.port.MetricsPort.Alarm>> alarm =
        parallel.fork(() -> ports.alertPath().metrics(region).alarm(AlertPathAlarm.NAME));
    return group.thenCombine(alarm, (g, a) -> Optional.of(new RegionFacts.AlertPathFacts(g, a)));
  }

  private RegionFacts.KeyFacts key(String region, String keyId) {
    if (keyId.endsWith(TopicChecks.AWS_MANAGED_SNS_ALIAS)) {
      return new RegionFacts.KeyFacts(keyId, keyId, true, Optional.empty());
    }
    KmsPort kms = ports.kms(region);
    KmsPort.KeyInfo info = kms.describeKey(keyId);
    Optional<String> policy;
    try {
      policy = info.awsManaged() ? Optional.empty() : Optional.of(kms.keyPolicy(info.arn()));
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.ACCESS_DENIED) {
        throw e;
      }
      policy = Optional.empty(); // a key policy may not let the caller read it
    }
    return new RegionFacts.KeyFacts(keyId, info.arn(), info.awsManaged(), policy);
  }

  private List<RegionFacts.TrailFacts> trails(String region) {
    List<TrailPort.Trail> covering = new ArrayList<>();
    for (TrailPort.Trail trail : ports.alertPath().trails(region).trails()) {
      if (trail.homeRegion().equals(region) || trail.multiRegion()) {
        covering.add(trail);
      }
    }
    return parallel.map(
        covering,
        CALLS_IN_FLIGHT,
        trail -> {
          TrailPort home = ports.alertPath().trails(trail.homeRegion());
          CompletableFuture<Boolean> logging = parallel.fork(() -> home.isLogging(trail.arn()));
          TrailPort.EventSelectors selectors = home.eventSelectors(trail.arn());
          return new RegionFacts.TrailFacts(trail, Parallel.join(logging), selectors);
        });
  }
}
