package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.Subscription;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The alert topic as wanted and as it is in, topic changes out. Pure. */
public final class TopicPlanner {
  private TopicPlanner() {}

  public record Result(List<TopicChange> changes, List<String> pendingSubscriptions) {}

  public static Result plan(
      String topicArn, TopicSpec spec, Optional<ActualTopic> actual, ObjectNode statement) {
    List<TopicChange> changes = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    if (actual.isEmpty()) {
      Map<String, String> attributes = new HashMap<>();
      ObjectNode policy = SnsTopicPolicy.fresh(statement);
      attributes.put("Policy", SnsTopicPolicy.compact(policy));
      spec.kmsKey().ifPresent(k -> attributes.put("KmsMasterKeyId", k));
      List<FieldDiff> diffs =
          new ArrayList<>(
              JsonTreeDiff.diff("policy statement " + SnsTopicPolicy.SID, null, statement));
      spec.kmsKey().ifPresent(k -> diffs.add(FieldDiff.of("KmsMasterKeyId", null, k)));
      diffs.add(FieldDiff.of("tag " + Ownership.TAG_KEY, null, Ownership.TAG_VALUE));
      changes.add(new TopicChange.CreateTopic(spec.name(), attributes, Ownership.tags(), diffs));
      subscribeAll(spec, List.of(), changes, pending);
      return new Result(changes, pending);
    }
    ActualTopic topic = actual.get();
    ObjectNode existing =
        topic
            .policy()
            .map(p -> SnsTopicPolicy.parse(p, topicArn))
            .orElseGet(() -> SnsTopicPolicy.fresh(statement).without("Statement"));
    Optional<JsonNode> current = SnsTopicPolicy.current(existing);
    if (current.isEmpty() || !current.get().equals(statement)) {
      ObjectNode merged = SnsTopicPolicy.merge(existing, statement);
      changes.add(
          new TopicChange.SetPolicy(
              topicArn,
              SnsTopicPolicy.compact(merged),
              JsonTreeDiff.diff(
                  "policy statement " + SnsTopicPolicy.SID, current.orElse(null), statement)));
    }
    spec.kmsKey()
        .filter(k -> !k.equals(topic.kmsKey().orElse(null)))
        .ifPresent(
            k -> changes.add(new TopicChange.SetKmsKey(topicArn, topic.kmsKey().orElse(null), k)));
    topic.subscriptions().stream()
        .filter(Subscription::pending)
        .forEach(s -> pending.add(s.protocol() + ":" + s.endpoint()));
    subscribeAll(spec, topic.subscriptions(), changes, pending);
    return new Result(changes, pending);
  }

  private static void subscribeAll(
      TopicSpec spec,
      List<Subscription> existing,
      List<TopicChange> changes,
      List<String> pending) {
    for (SubscriptionSpec wanted : spec.subscriptions()) {
      boolean present =
          existing.stream().anyMatch(s -> s.sameEndpoint(wanted.protocol(), wanted.endpoint()));
      if (!present) {
        changes.add(new TopicChange.Subscribe(wanted));
        if (needsConfirmation(wanted)) {
          pending.add(wanted.toString());
        }
      }
    }
  }

  /**
   * Email and https endpoints must confirm; SQS and Lambda in the same account are confirmed at
   * once.
   */
  static boolean needsConfirmation(SubscriptionSpec subscription) {
    return subscription.protocol().equals("email") || subscription.protocol().equals("https");
  }
}
