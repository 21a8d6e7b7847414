package dev.irctl.engine.rules;

import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.RuleTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The changes to EventBridge rules a region's plan can hold. */
public sealed interface RuleChange extends Change.Described {
  String ruleName();

  /**
   * No rule by this name: PutRule with the tags, then one PutTargets with irctl's targets (the
   * alert target, and the alert-path log group for rules that watch irctl's alerting).
   */
  record CreateRule(DesiredRule rule, List<RuleTarget> targets) implements RuleChange {
    public CreateRule {
      targets = List.copyOf(targets);
    }

    @Override
    public String ruleName() {
      return rule.name();
    }

    @Override
    public Description describe() {
      List<FieldDiff> diffs = new ArrayList<>();
      diffs.add(FieldDiff.of("eventPattern", null, rule.pattern()));
      diffs.add(FieldDiff.of("state", null, rule.state()));
      for (RuleTarget target : targets) {
        diffs.add(
            FieldDiff.of(
                "target " + target.id(),
                null,
                target.arn() + target.transformer().map(t -> " (readable message)").orElse("")));
      }
      return Description.create("rule " + rule.name(), "missing", diffs);
    }
  }

  /**
   * An irctl rule that drifted: PutRule when the pattern, description or state differ (PutRule
   * replaces the whole rule), PutTargets for irctl's targets that differ or are missing,
   * RemoveTargets for irctl's targets no longer wanted (a rule that stopped watching the alert
   * path), TagResource for irctl's tags that differ. Only what differs.
   */
  record UpdateRule(
      DesiredRule rule,
      String arn,
      boolean putRule,
      List<RuleTarget> targets,
      List<String> staleTargetIds,
      Map<String, String> tags,
      List<FieldDiff> diffs)
      implements RuleChange {
    public UpdateRule {
      targets = List.copyOf(targets);
      staleTargetIds = List.copyOf(staleTargetIds);
      tags = Map.copyOf(tags);
      diffs = List.copyOf(diffs);
    }

    @Override
    public String ruleName() {
      return rule.name();
    }

    @Override
    public Description describe() {
      List<String> what = new ArrayList<>();
      if (putRule) {
        what.add("rule differs");
      }
      if (!targets.isEmpty() || !staleTargetIds.isEmpty()) {
        what.add("target differs");
      }
      if (!tags.isEmpty()) {
        what.add("tags differ");
      }
      return Description.update("rule " + rule.name(), String.join(", ", what), diffs);
    }

    public Map<String, String> sortedTags() {
      return new TreeMap<>(tags);
    }
  }

  /** An irctl rule to delete (--prune, remove-rules): RemoveTargets, then DeleteRule. */
  record DeleteRule(String ruleName, List<String> targetIds, String reason) implements RuleChange {
    public DeleteRule {
      targetIds = List.copyOf(targetIds);
    }

    @Override
    public Description describe() {
      return Description.delete("rule " + ruleName, reason);
    }
  }
}
