package dev.irctl.fakes;

import dev.irctl.engine.port.SubscriptionPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SNS subscriptions in one region: SQS and Lambda ones are confirmed at once, email and HTTP(S)
 * ones stay pending until {@link #confirm}.
 */
public final class FakeSubscriptions implements SubscriptionPort {
  private final String region;
  private final CallLog log;
  private final Map<String, Stored> subscriptions = new LinkedHashMap<>();
  private int counter;

  /** A subscription as the fake keeps it. */
  public record Stored(
      String arn,
      String topicArn,
      String protocol,
      String endpoint,
      Map<String, String> attributes,
      boolean pending) {}

  FakeSubscriptions(String region, CallLog log) {
    this.region = region;
    this.log = log;
  }

  /** Seeds a subscription someone made. */
  public synchronized FakeSubscriptions existing(
      String topicArn, String protocol, String endpoint, boolean pending) {
    String arn = topicArn + ":seed-" + (++counter);
    subscriptions.put(arn, new Stored(arn, topicArn, protocol, endpoint, Map.of(), pending));
    return this;
  }

  public synchronized List<Stored> all() {
    return List.copyOf(subscriptions.values());
  }

  @Override
  public String subscribe(
      String topicArn, String protocol, String endpoint, Map<String, String> attributes) {
    log.record(region, "sns:Subscribe", true);
    synchronized (this) {
      String arn = topicArn + ":" + String.format("%08d", ++counter);
      boolean pending = !(protocol.equals("sqs") || protocol.equals("lambda"));
      subscriptions.put(
          arn, new Stored(arn, topicArn, protocol, endpoint, Map.copyOf(attributes), pending));
      return arn;
    }
  }

  @Override
  public void unsubscribe(String subscriptionArn) {
    log.record(region, "sns:Unsubscribe", true);
    synchronized (this) {
      subscriptions.remove(subscriptionArn);
    }
  }

  @Override
  public List<TopicSubscription> list(String topicArn) {
    log.record(region, "sns:ListSubscriptionsByTopic", false);
    List<TopicSubscription> result = new ArrayList<>();
    synchronized (this) {
      for (Stored s : subscriptions.values()) {
        if (s.topicArn().equals(topicArn)) {
          result.add(
              new TopicSubscription(
                  s.pending() ? "PendingConfirmation" : s.arn(),
                  s.protocol(),
                  s.endpoint(),
                  s.pending()));
        }
      }
    }
    return result;
  }
}
