package dev.irctl.engine.delivery;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.KmsPort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.TrailPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gathers one region's delivery facts through the ports, read-only: the topic and its key,
 * subscriptions, irctl's rules on the default bus with their targets, one GetMetricData for all
 * their FailedInvocations, and the trails covering the region (status and selectors read in each
 * trail's home region).
 */
public final class DeliveryReader {
  public static final String DEFAULT_BUS = "default";
  static final Duration METRICS_WINDOW = Duration.ofHours(24);

  private final Ports ports;

  public DeliveryReader(Ports ports) {
    this.ports = ports;
  }

  public RegionFacts read(DoctorTarget target, Instant now) {
    String region = target.region();
    Optional<Map<String, String>> attributes = ports.sns(region).topicAttributes(target.topicArn());
    Optional<RegionFacts.KeyFacts> key =
        attributes
            .map(a -> a.getOrDefault("KmsMasterKeyId", ""))
            .filter(k -> !k.isEmpty())
            .map(k -> key(region, k));
    List<dev.irctl.engine.port.SubscriptionPort.TopicSubscription> subscriptions =
        attributes.isPresent()
            ? ports.alertPath().subscriptions(region).list(target.topicArn())
            : List.of();
    EventBridgePort events = ports.eventBridge(region);
    List<String> names =
        events.listRules(DEFAULT_BUS, "irctl-").stream().map(BusRule::name).toList();
    Map<String, Double> failed =
        names.isEmpty()
            ? Map.of()
            : ports
                .alertPath()
                .metrics(region)
                .failedInvocations(names, now.minus(METRICS_WINDOW), now);
    List<RegionFacts.RuleFacts> rules = new ArrayList<>();
    for (String name : names) {
      rules.add(
          new RegionFacts.RuleFacts(
              name, events.targetRoutes(DEFAULT_BUS, name), failed.getOrDefault(name, 0.0)));
    }
    return new RegionFacts(
        region,
        target.partition(),
        target.topicArn(),
        attributes,
        key,
        subscriptions,
        rules,
        trails(region),
        target.honeyBuckets(),
        target.readableMessages());
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
    List<RegionFacts.TrailFacts> facts = new ArrayList<>();
    for (TrailPort.Trail trail : ports.alertPath().trails(region).trails()) {
      if (!trail.homeRegion().equals(region) && !trail.multiRegion()) {
        continue;
      }
      TrailPort home = ports.alertPath().trails(trail.homeRegion());
      facts.add(
          new RegionFacts.TrailFacts(
              trail, home.isLogging(trail.arn()), home.eventSelectors(trail.arn())));
    }
    return facts;
  }
}
