package dev.irctl.engine.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Input;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.RuleTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Desired rules and the {@code irctl-}-prefixed rules on the bus in, rule changes out. Pure. A rule
 * carrying irctl's name but not its tag is someone else's: it is never changed, and wanting it is a
 * conflict for the region.
 */
public final class RulePlanner {
  /** AWS allows at most five targets on a rule. */
  static final int TARGETS_PER_RULE = 5;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RulePlanner() {}

  /**
   * What the rule changes are, and which owned rules are orphans (left in place unless {@code
   * prune}).
   */
  public record Result(
      List<RuleChange> changes,
      int unchanged,
      List<String> orphans,
      List<String> warnings,
      List<String> unconfirmed) {}

  public static Result plan(
      List<DesiredRule> desired,
      List<ActualRule> actual,
      Function<DesiredRule, List<RuleTarget>> targetsFor,
      boolean prune) {
    return plan(desired, actual, targetsFor, prune, Set.of());
  }

  /**
   * As above; with {@code prune}, an orphan whose rule id is in {@code kept} (a catalog rule
   * outside a narrowed selection) is left alone and said so.
   */
  public static Result plan(
      List<DesiredRule> desired,
      List<ActualRule> actual,
      Function<DesiredRule, List<RuleTarget>> targetsFor,
      boolean prune,
      Set<String> kept) {
    Map<String, ActualRule> byName = new HashMap<>();
    actual.forEach(a -> byName.put(a.name(), a));
    List<RuleChange> changes = new ArrayList<>();
    List<String> unconfirmed = new ArrayList<>();
    int unchanged = 0;
    for (DesiredRule rule : desired) {
      ActualRule existing = byName.get(rule.name());
      List<RuleTarget> targets = targetsFor.apply(rule);
      if (existing == null) {
        changes.add(new RuleChange.CreateRule(rule, targets));
        continue;
      }
      if (!existing.tagsRead()) {
        // Content that matches needs no owner: it is left as it is. Anything else waits for the
        // tags, so no rule is changed (or refused) before its ownership is known.
        if (contentMatches(rule, existing, targets)) {
          unchanged++;
        } else {
          unconfirmed.add(existing.name());
        }
        continue;
      }
      if (!existing.ownedByIrctl()) {
        throw new PlanConflictException(
            "rule "
                + rule.name()
                + " exists but is not tagged managed-by=irctl, so irctl did not create it and will not change it."
                + " Delete or rename it, tag it managed-by=irctl to hand it to irctl, or leave the rule out with "
                + Input.EXCLUDE.ref()
                + " "
                + rule.ruleId()
                + ". Nothing was changed in this region.");
      }
      Optional<RuleChange> update = update(rule, existing, targets);
      if (update.isPresent()) {
        changes.add(update.get());
      } else {
        unchanged++;
      }
    }
    Set<String> wanted = desired.stream().map(DesiredRule::name).collect(Collectors.toSet());
    List<String> orphans = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    for (ActualRule rule : actual) {
      if (wanted.contains(rule.name())) {
        continue;
      }
      if (!rule.tagsRead()) {
        unconfirmed.add(rule.name());
        continue;
      }
      if (!rule.ownedByIrctl()) {
        continue;
      }
      if (!prune) {
        orphans.add(rule.name());
      } else if (kept.contains(rule.tags().getOrDefault(CatalogRules.TAG_RULE_ID, ""))) {
        orphans.add(rule.name());
        leftAlone.add(rule.name());
      } else if (!rule.foreignTargetIds().isEmpty()) {
        warnings.add(keptForForeignTargets(rule));
      } else {
        changes.add(
            new RuleChange.DeleteRule(
                rule.name(), targetIds(rule), "no longer selected (" + Input.PRUNE.ref() + ")"));
      }
    }
    if (!leftAlone.isEmpty()) {
      warnings.add(
          "left alone "
              + leftAlone.size()
              + " irctl rule(s) outside the selection (prune deletes only rules no loaded catalog has,"
              + " or excluded ones): "
              + String.join(", ", leftAlone));
    }
    return new Result(changes, unchanged, orphans, warnings, unconfirmed);
  }

  /**
   * Deleting a rule also drops every target on it; targets the user added are theirs, so such a
   * rule is kept.
   */
  static String keptForForeignTargets(ActualRule rule) {
    return "kept rule "
        + rule.name()
        + ": it has targets irctl did not add ("
        + String.join(", ", rule.foreignTargetIds())
        + "); remove them to let irctl delete the rule.";
  }

  static List<String> targetIds(ActualRule rule) {
    return rule.targets().stream().map(RuleTarget::id).toList();
  }

  /**
   * Whether the rule's pattern, description, state and irctl's targets are already as desired (its
   * tags aside). A rule that could not take irctl's targets does not match.
   */
  private static boolean contentMatches(
      DesiredRule rule, ActualRule existing, List<RuleTarget> targets) {
    try {
      return update(rule, existing.withTags(rule.tags()), targets).isEmpty();
    } catch (PlanConflictException e) {
      return false;
    }
  }

  private static Optional<RuleChange> update(
      DesiredRule rule, ActualRule existing, List<RuleTarget> targets) {
    List<FieldDiff> diffs = new ArrayList<>();
    JsonNode pattern = parse(existing.rule().eventPattern().orElse(null));
    if (pattern == null || !pattern.equals(rule.pattern())) {
      if (pattern == null) {
        diffs.add(
            FieldDiff.of(
                "eventPattern", existing.rule().eventPattern().orElse(null), rule.pattern()));
      } else {
        diffs.addAll(JsonTreeDiff.diff("eventPattern", pattern, rule.pattern()));
      }
    }
    String description = existing.rule().description().orElse("");
    if (!description.equals(rule.description())) {
      diffs.add(FieldDiff.of("description", description, rule.description()));
    }
    if (!rule.state().equals(existing.rule().state())) {
      diffs.add(FieldDiff.of("state", existing.rule().state(), rule.state()));
    }
    boolean putRule = !diffs.isEmpty();
    List<RuleTarget> targetChanges = targetChanges(existing, targets, diffs);
    List<String> stale = staleTargets(existing, targets, diffs);
    Map<String, String> tags = new HashMap<>();
    rule.tags()
        .forEach(
            (key, value) -> {
              if (!value.equals(existing.tags().get(key))) {
                tags.put(key, value);
                diffs.add(FieldDiff.of("tag " + key, existing.tags().get(key), value));
              }
            });
    if (diffs.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new RuleChange.UpdateRule(
            rule, existing.rule().arn(), putRule, targetChanges, stale, tags, diffs));
  }

  /** irctl's targets that are missing or differ; a missing one must fit EventBridge's five. */
  private static List<RuleTarget> targetChanges(
      ActualRule existing, List<RuleTarget> targets, List<FieldDiff> diffs) {
    List<RuleTarget> changes = new ArrayList<>();
    int count = existing.targets().size();
    for (RuleTarget target : targets) {
      Optional<RuleTarget> current = existing.target(target.id());
      if (current.isPresent() && current.get().equals(target)) {
        continue;
      }
      if (current.isEmpty() && ++count > TARGETS_PER_RULE) {
        throw new PlanConflictException(
            "rule "
                + existing.name()
                + " already has "
                + existing.targets().size()
                + " targets and irctl's "
                + target.id()
                + " would pass the "
                + TARGETS_PER_RULE
                + " EventBridge allows. Remove one of the others. Nothing was changed in this"
                + " region.");
      }
      diffs.add(
          FieldDiff.of(
              "target " + target.id(),
              current.map(RulePlanner::describe).orElse(null),
              describe(target)));
      changes.add(target);
    }
    return changes;
  }

  /** irctl's targets on the rule that are no longer wanted (removed; the user's are never). */
  private static List<String> staleTargets(
      ActualRule existing, List<RuleTarget> targets, List<FieldDiff> diffs) {
    Set<String> wanted = targets.stream().map(RuleTarget::id).collect(Collectors.toSet());
    List<String> stale = new ArrayList<>();
    for (RuleTarget target : existing.targets()) {
      if (target.irctls() && !wanted.contains(target.id())) {
        diffs.add(FieldDiff.of("target " + target.id(), describe(target), null));
        stale.add(target.id());
      }
    }
    return stale;
  }

  private static String describe(RuleTarget target) {
    String input =
        target.transformer().map(t -> " with input transformer").orElse("")
            + target.input().map(i -> " with constant input").orElse("")
            + target.inputPath().map(p -> " with input path " + p).orElse("");
    return target.arn() + input;
  }

  /**
   * AWS's stored pattern as a tree; null when it is missing or unreadable (then it differs from any
   * pattern).
   */
  private static JsonNode parse(String pattern) {
    if (pattern == null) {
      return null;
    }
    try {
      return JSON.readTree(pattern);
    } catch (Exception e) {
      return null;
    }
  }
}
