package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.SnsPort;
import dev.irctl.engine.port.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SNS in one region, in memory. A new topic gets SNS's default policy (the owner statement) unless
 * CreateTopic brings one; email and https subscriptions stay pending until confirmed, sqs and
 * lambda are confirmed at once.
 */
public final class FakeSns implements SnsPort {
  private final String region;
  private final String account;
  private final CallLog log;
  private final Map<String, Topic> topics = new HashMap<>();

  /** A topic as the fake keeps it. */
  public record Topic(
      String arn,
      Map<String, String> attributes,
      Map<String, String> tags,
      List<Subscription> subscriptions) {}

  FakeSns(String region, String account, CallLog log) {
    this.region = region;
    this.account = account;
    this.log = log;
  }

  /** Seeds a topic someone else created, with the given policy (null: SNS's default). */
  public synchronized FakeSns existing(String name, String policy, Map<String, String> tags) {
    String arn = arnOf(name);
    Map<String, String> attributes = new HashMap<>();
    attributes.put("TopicArn", arn);
    attributes.put("Policy", policy == null ? defaultPolicy(arn) : policy);
    topics.put(arn, new Topic(arn, attributes, new HashMap<>(tags), new ArrayList<>()));
    return this;
  }

  public synchronized FakeSns existingSubscription(String name, Subscription subscription) {
    topics.get(arnOf(name)).subscriptions().add(subscription);
    return this;
  }

  public synchronized Optional<Topic> topic(String name) {
    return Optional.ofNullable(topics.get(arnOf(name)));
  }

  public String arnOf(String name) {
    return "arn:aws:sns:" + region + ":" + account + ":" + name;
  }

  @Override
  public Optional<Map<String, String>> topicAttributes(String topicArn) {
    log.record(region, "sns:GetTopicAttributes", false);
    synchronized (this) {
      return Optional.ofNullable(topics.get(topicArn)).map(t -> Map.copyOf(t.attributes()));
    }
  }

  @Override
  public Map<String, String> topicTags(String topicArn) {
    log.record(region, "sns:ListTagsForResource", false);
    synchronized (this) {
      return Map.copyOf(existing(topicArn).tags());
    }
  }

  @Override
  public String createTopic(String name, Map<String, String> attributes, Map<String, String> tags) {
    log.record(region, "sns:CreateTopic", true);
    synchronized (this) {
      String arn = arnOf(name);
      Topic existing = topics.get(arn);
      if (existing != null) {
        // CreateTopic is idempotent only when the attributes match.
        if (!existing.attributes().entrySet().containsAll(attributes.entrySet())) {
          throw new AwsCallException(
              AwsCallException.Kind.INVALID_REQUEST,
              "sns:CreateTopic",
              "InvalidParameter: Topic already exists with different attributes");
        }
        return arn;
      }
      Map<String, String> stored = new HashMap<>(attributes);
      stored.put("TopicArn", arn);
      stored.putIfAbsent("Policy", defaultPolicy(arn));
      topics.put(arn, new Topic(arn, stored, new HashMap<>(tags), new ArrayList<>()));
      return arn;
    }
  }

  @Override
  public void setTopicAttribute(String topicArn, String name, String value) {
    log.record(region, "sns:SetTopicAttributes", true);
    synchronized (this) {
      existing(topicArn).attributes().put(name, value);
    }
  }

  @Override
  public List<Subscription> subscriptions(String topicArn) {
    log.record(region, "sns:ListSubscriptionsByTopic", false);
    synchronized (this) {
      return List.copyOf(existing(topicArn).subscriptions());
    }
  }

  @Override
  public void subscribe(String topicArn, String protocol, String endpoint) {
    log.record(region, "sns:Subscribe", true);
    synchronized (this) {
      boolean confirms = protocol.equals("email") || protocol.equals("https");
      existing(topicArn).subscriptions().add(new Subscription(protocol, endpoint, confirms));
    }
  }

  @Override
  public void deleteTopic(String topicArn) {
    log.record(region, "sns:DeleteTopic", true);
    synchronized (this) {
      topics.remove(topicArn);
    }
  }

  private Topic existing(String arn) {
    Topic topic = topics.get(arn);
    if (topic == null) {
      throw new AwsCallException(
          AwsCallException.Kind.NOT_FOUND, "sns", "NotFound: Topic does not exist");
    }
    return topic;
  }

  /** SNS's own policy for a new topic: the owner account may manage it. */
  static String defaultPolicy(String arn) {
    String account = arn.split(":")[4];
    return "{\"Version\":\"2008-10-17\",\"Id\":\"__default_policy_ID\",\"Statement\":[{\"Sid\":\"__default_statement_ID\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"SNS:GetTopicAttributes\",\"SNS:SetTopicAttributes\","
        + "\"SNS:AddPermission\",\"SNS:RemovePermission\",\"SNS:DeleteTopic\",\"SNS:Subscribe\",\"SNS:ListSubscriptionsByTopic\","
        + "\"SNS:Publish\"],\"Resource\":\""
        + arn
        + "\",\"Condition\":{\"StringEquals\":{\"AWS:SourceOwner\":\""
        + account
        + "\"}}}]}";
  }
}
