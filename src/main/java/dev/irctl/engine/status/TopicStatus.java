package dev.irctl.engine.status;

import dev.irctl.engine.port.Subscription;
import dev.irctl.engine.rules.ActualTopic;
import dev.irctl.engine.rules.RegionPlan;
import dev.irctl.engine.rules.TopicChange;
import java.util.Optional;

/**
 * The alert topic as it is: whether it exists, whether its policy lets EventBridge publish (without
 * that statement alerts are dropped silently), and its confirmed and pending subscriptions.
 */
public record TopicStatus(
    String arn, boolean exists, boolean policyOk, int confirmed, int pending) {
  public static TopicStatus of(RegionPlan plan, Optional<ActualTopic> topic) {
    boolean policyOk =
        topic.isPresent()
            && plan.topicChanges().stream().noneMatch(c -> c instanceof TopicChange.SetPolicy);
    int pending =
        topic
            .map(t -> (int) t.subscriptions().stream().filter(Subscription::pending).count())
            .orElse(0);
    int all = topic.map(t -> t.subscriptions().size()).orElse(0);
    return new TopicStatus(plan.topicArn(), topic.isPresent(), policyOk, all - pending, pending);
  }
}
