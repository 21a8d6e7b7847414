package dev.irctl.engine.rules;

import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.RuleTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The changes to EventBridge rules a region's plan can hold. */
public sealed interface RuleChange extends Change {
  String ruleName();

  /** No rule by this name: PutRule with the tags, then PutTargets with irctl's target. */
  record CreateRule(DesiredRule rule, RuleTarget target) implements RuleChange {
    @Override
    public String ruleName() {
      return rule.name();
    }

    @Override
    public ChangeAction action() {
      return ChangeAction.CREATE;
    }

    @Override
    public String resource() {
      return "rule " + rule.name();
    }

    @Override
    public String reason() {
      return "missing";
    }

    @Override
    public List<FieldDiff> diffs() {
      List<FieldDiff> diffs = new ArrayList<>();
      diffs.add(FieldDiff.of("eventPattern", null, rule.pattern()));
      diffs.add(FieldDiff.of("state", null, rule.state()));
      diffs.add(
          FieldDiff.of(
              "target " + target.id(),
              null,
              target.arn() + target.transformer().map(t -> " (readable message)").orElse("")));
      return diffs;
    }
  }

  /**
   * An irctl rule that drifted: PutRule when the pattern, description or state differ (PutRule
   * replaces the whole rule), PutTargets when irctl's target differs, TagResource for irctl's tags
   * that differ. Only what differs.
   */
  record UpdateRule(
      DesiredRule rule,
      String arn,
      boolean putRule,
      Optional<RuleTarget> target,
      Map<String, String> tags,
      List<FieldDiff> diffs)
      implements RuleChange {
    public UpdateRule {
      tags = Map.copyOf(tags);
      diffs = List.copyOf(diffs);
    }

    @Override
    public String ruleName() {
      return rule.name();
    }

    @Override
    public ChangeAction action() {
      return ChangeAction.UPDATE;
    }

    @Override
    public String resource() {
      return "rule " + rule.name();
    }

    @Override
    public String reason() {
      List<String> what = new ArrayList<>();
      if (putRule) {
        what.add("rule differs");
      }
      target.ifPresent(t -> what.add("target differs"));
      if (!tags.isEmpty()) {
        what.add("tags differ");
      }
      return String.join(", ", what);
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
    public ChangeAction action() {
      return ChangeAction.DELETE;
    }

    @Override
    public String resource() {
      return "rule " + ruleName;
    }

    @Override
    public List<FieldDiff> diffs() {
      return List.of();
    }
  }
}
