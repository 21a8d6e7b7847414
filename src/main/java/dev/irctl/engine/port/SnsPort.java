package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SNS topics in one region. Topics are addressed by ARN, which irctl builds from the account and
 * the name.
 */
public interface SnsPort {
  /** The topic's attributes (GetTopicAttributes), or empty when there is no such topic. */
  Optional<Map<String, String>> topicAttributes(String topicArn);

  Map<String, String> topicTags(String topicArn);

  /** CreateTopic with attributes and tags set in the same call; returns the ARN. */
  String createTopic(String name, Map<String, String> attributes, Map<String, String> tags);

  void setTopicAttribute(String topicArn, String name, String value);

  /** Every subscription of the topic, including those still pending confirmation. */
  List<Subscription> subscriptions(String topicArn);

  void subscribe(String topicArn, String protocol, String endpoint);

  void deleteTopic(String topicArn);
}
