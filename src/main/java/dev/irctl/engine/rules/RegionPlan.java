package dev.irctl.engine.rules;

import dev.irctl.engine.Change;
import java.util.ArrayList;
import java.util.List;

/**
 * What apply-rules or remove-rules would do in one region: topic changes, rule changes, irctl rules
 * left out of the selection (orphans, deleted only with --prune), subscriptions awaiting
 * confirmation and warnings. {@code unconfirmed}: rules whose tags must be read before the plan can
 * say what to do with them (the reader reads tags only where a plan needs them); a plan with any is
 * not final.
 */
public record RegionPlan(
    String region,
    String topicArn,
    List<TopicChange> topicChanges,
    List<RuleChange> ruleChanges,
    int unchangedRules,
    List<String> orphans,
    List<String> pendingSubscriptions,
    List<String> warnings,
    List<String> unconfirmed) {
  public RegionPlan {
    unconfirmed = List.copyOf(unconfirmed);
    topicChanges = List.copyOf(topicChanges);
    ruleChanges = List.copyOf(ruleChanges);
    orphans = List.copyOf(orphans);
    pendingSubscriptions = List.copyOf(pendingSubscriptions);
    warnings = List.copyOf(warnings);
  }

  public List<Change> changes() {
    List<Change> all = new ArrayList<>(topicChanges);
    all.addAll(ruleChanges);
    return all;
  }

  public boolean inSync() {
    return topicChanges.isEmpty() && ruleChanges.isEmpty();
  }

  public long creates() {
    return ruleChanges.stream().filter(c -> c instanceof RuleChange.CreateRule).count();
  }

  public long deletes() {
    return ruleChanges.stream().filter(c -> c instanceof RuleChange.DeleteRule).count();
  }
}
