package dev.irctl.engine.rules;

import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import java.util.List;
import java.util.Map;

/** The changes to the alert topic a region's plan can hold. */
public sealed interface TopicChange extends Change.Described {

  /**
   * No topic by this name: CreateTopic with the policy (and key) and the managed-by tag in one
   * call.
   */
  record CreateTopic(
      String name, Map<String, String> attributes, Map<String, String> tags, List<FieldDiff> diffs)
      implements TopicChange {
    public CreateTopic {
      attributes = Map.copyOf(attributes);
      tags = Map.copyOf(tags);
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return Description.create("topic " + name, "missing", diffs);
    }
  }

  /**
   * The topic policy lacks irctl's statement or has an old one: SetTopicAttributes Policy with the
   * merged policy.
   */
  record SetPolicy(String topicArn, String policy, List<FieldDiff> diffs) implements TopicChange {
    public SetPolicy {
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return Description.update(
          "topic policy " + topicArn, "EventBridge may not publish to the topic", diffs);
    }
  }

  /** --kms-key differs from the topic's key: SetTopicAttributes KmsMasterKeyId. */
  record SetKmsKey(String topicArn, String before, String keyId) implements TopicChange {
    @Override
    public Description describe() {
      return Description.update(
          "topic encryption " + topicArn,
          "KMS key differs",
          List.of(FieldDiff.of("KmsMasterKeyId", before, keyId)));
    }
  }

  /** A --subscribe endpoint that is neither subscribed nor pending. */
  record Subscribe(SubscriptionSpec subscription) implements TopicChange {
    @Override
    public Description describe() {
      return Description.create("subscription " + subscription, "not subscribed");
    }
  }

  /**
   * remove-rules on a topic that stays (adopted, or kept for what others put on it): the policy
   * without irctl's publish statement, every other statement as it was.
   */
  record RemoveStatement(String topicArn, String policy, List<FieldDiff> diffs)
      implements TopicChange {
    public RemoveStatement {
      diffs = List.copyOf(diffs);
    }

    @Override
    public Description describe() {
      return Description.update(
          "topic policy " + topicArn,
          "irctl's rules are removed, so its publish statement goes too",
          diffs);
    }
  }

  /** remove-rules --delete-topic, for a topic irctl created. */
  record DeleteTopic(String topicArn) implements TopicChange {
    @Override
    public Description describe() {
      return Description.delete(
          "topic " + topicArn, "asked to delete the topic, and irctl created it");
    }
  }
}
