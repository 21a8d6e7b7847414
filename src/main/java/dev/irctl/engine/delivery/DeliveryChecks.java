package dev.irctl.engine.delivery;

import java.util.ArrayList;
import java.util.List;

/** Every doctor check on one region's facts, in the order a reader fixes them. Pure. */
public final class DeliveryChecks {
  private DeliveryChecks() {}

  public static List<DeliveryFinding> all(RegionFacts facts) {
    List<DeliveryFinding> findings = new ArrayList<>();
    findings.addAll(TopicChecks.topicPolicy(facts));
    findings.addAll(TopicChecks.key(facts));
    findings.addAll(TopicChecks.subscriptions(facts));
    findings.addAll(RuleChecks.failedInvocations(facts));
    findings.addAll(RuleChecks.targets(facts));
    findings.addAll(AlertPathChecks.all(facts));
    findings.addAll(TrailChecks.logging(facts));
    findings.addAll(TrailChecks.honeyBuckets(facts));
    return findings;
  }
}
