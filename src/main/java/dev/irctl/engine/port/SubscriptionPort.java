package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;

/** Subscriptions of one SNS topic in one region, addressed by their ARNs. */
public interface SubscriptionPort {
  /**
   * Subscribe with subscription attributes (e.g. {@code RawMessageDelivery=true}); returns the
   * subscription ARN ({@code ReturnSubscriptionArn}, so a pending one has its real ARN).
   */
  String subscribe(
      String topicArn, String protocol, String endpoint, Map<String, String> attributes);

  /** Unsubscribe; one that is already gone is not an error. */
  void unsubscribe(String subscriptionArn);

  /** ListSubscriptionsByTopic, every page. */
  List<TopicSubscription> list(String topicArn);

  /** {@code pending} when the endpoint has not confirmed yet (SNS lists no ARN for it then). */
  record TopicSubscription(String arn, String protocol, String endpoint, boolean pending) {}
}
