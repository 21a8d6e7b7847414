package dev.irctl.engine.delivery;

import dev.irctl.engine.port.EventBridgePort.TargetRoute;
import dev.irctl.engine.port.MetricsPort;
import dev.irctl.engine.port.SubscriptionPort.TopicSubscription;
import dev.irctl.engine.port.TrailPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the doctor knows about one region's alert path, read once through the ports; the checks are
 * pure functions of it.
 *
 * @param topicAttributes empty when the topic does not exist
 * @param key the topic's KMS key, when the topic is encrypted
 * @param honeyBuckets the honey-bucket rule's buckets (empty when that rule is not deployed)
 * @param readableMessages whether rules send irctl's readable text instead of the raw event
 * @param alertPath the tamper path's second target, read when some irctl rule targets it
 */
public record RegionFacts(
    String region,
    String partition,
    String topicArn,
    Optional<Map<String, String>> topicAttributes,
    Optional<KeyFacts> key,
    List<TopicSubscription> subscriptions,
    List<RuleFacts> rules,
    List<TrailFacts> trails,
    List<String> honeyBuckets,
    boolean readableMessages,
    Optional<AlertPathFacts> alertPath) {
  public RegionFacts {
    subscriptions = List.copyOf(subscriptions);
    rules = List.copyOf(rules);
    trails = List.copyOf(trails);
    honeyBuckets = List.copyOf(honeyBuckets);
  }

  /**
   * The alert-path log group's existence and the FailedInvocations alarm as it is (state included).
   */
  public record AlertPathFacts(boolean logGroupExists, Optional<MetricsPort.Alarm> alarm) {}

  /** {@code keyId} as the topic names it ({@code KmsMasterKeyId}); policy empty if unreadable. */
  public record KeyFacts(String keyId, String arn, boolean awsManaged, Optional<String> policy) {}

  /** An irctl rule with its targets and its FailedInvocations over the last 24 hours. */
  public record RuleFacts(String name, List<TargetRoute> targets, double failedInvocations) {
    public RuleFacts {
      targets = List.copyOf(targets);
    }
  }

  /** A trail that covers the region (its own or a multi-region one), read in its home region. */
  public record TrailFacts(
      TrailPort.Trail trail, boolean logging, TrailPort.EventSelectors selectors) {}
}
