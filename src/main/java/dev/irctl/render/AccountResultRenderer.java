package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.account.AccountResult;
import dev.irctl.engine.account.IamPart;
import dev.irctl.engine.account.RegionResult;
import dev.irctl.engine.guardduty.DetectorRegionResult;
import dev.irctl.engine.iam.InstallPolicyResult;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.rules.RuleChange;
import dev.irctl.engine.rules.RulesRegionResult;
import java.util.ArrayList;
import java.util.List;

/**
 * plan's and apply's output. Text is a per-region diff a reviewer reads in a pull request (every
 * change with its differing fields); JSON is the schema in docs/plan-schema.md, the same for both
 * commands.
 */
public final class AccountResultRenderer {
  /** Bumped only when a field is removed or changes meaning; new fields do not bump it. */
  public static final int SCHEMA_VERSION = 1;

  private final String command;
  private final boolean applied;
  private final Style style;

  /**
   * @param command {@code plan} or {@code apply}: apply's words are past tense ("created"), plan's
   *     pending.
   */
  public AccountResultRenderer(String command, Style style) {
    this.command = command;
    this.applied = "apply".equals(command);
    this.style = style;
  }

  public String progressLine(DetectorRegionResult r) {
    return String.format(
        "%-16s guardduty  %s%s", r.region(), r.status(), r.error().map(e -> ": " + e).orElse(""));
  }

  public String progressLine(RulesRegionResult r) {
    return String.format(
        "%-16s rules      %s%s", r.region(), r.status(), r.error().map(e -> ": " + e).orElse(""));
  }

  public String progressLine(IamPart iam) {
    return String.format("%-16s iam        %s", "global", iam.status());
  }

  public String text(AccountResult result) {
    StringBuilder out = new StringBuilder();
    for (RegionResult region : result.regions()) {
      out.append(region.region()).append('\n');
      guardDuty(out, region.guardDuty());
      rules(out, region.rules());
    }
    out.append('\n');
    iam(out, result.iam());
    result.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
    out.append('\n').append(summary(result)).append('\n');
    return out.toString();
  }

  private void guardDuty(StringBuilder out, DetectorRegionResult r) {
    out.append("  guardduty  ").append(status(r.status(), r.failed(), r.changes().isEmpty()));
    r.detectorId().ifPresent(id -> out.append("  detector ").append(id));
    r.error().ifPresent(e -> out.append(": ").append(e));
    out.append('\n');
    changes(out, r.changes());
  }

  private void rules(StringBuilder out, RulesRegionResult r) {
    out.append("  rules      ").append(status(r.status(), r.failed(), r.changes().isEmpty()));
    if (!r.failed() || r.writes() > 0) {
      out.append("  ").append(ruleCounts(r));
    }
    r.error().ifPresent(e -> out.append(": ").append(e));
    out.append('\n');
    changes(out, r.changes());
    r.orphans()
        .forEach(
            o ->
                out.append("    orphaned rule ")
                    .append(o)
                    .append(" (irctl's, no longer selected; --prune deletes it)\n"));
    r.pendingSubscriptions()
        .forEach(p -> out.append("    subscription pending confirmation: ").append(p).append('\n'));
    r.warnings().forEach(w -> out.append("    warning: ").append(w).append('\n'));
  }

  private void iam(StringBuilder out, IamPart iam) {
    if (iam.isSkipped()) {
      out.append("iam policy  skipped: ").append(iam.skipped().orElse("")).append('\n');
      return;
    }
    out.append("iam policy  ").append(status(iam.status(), iam.failed(), iam.changes().isEmpty()));
    iam.result().ifPresent(r -> out.append("  ").append(r.policyArn()));
    iam.error().ifPresent(e -> out.append(": ").append(e));
    out.append('\n');
    changes(out, iam.changes());
  }

  private static void changes(StringBuilder out, List<? extends Change> changes) {
    changes.forEach(c -> out.append("    ").append(PlanText.change(c)).append('\n'));
  }

  private String summary(AccountResult result) {
    String where =
        result.regionsWithChanges()
            + " of "
            + result.regions().size()
            + " regions"
            + (result.iam().changes().isEmpty() ? "" : " and the IAM policy");
    String failed = result.failedParts() == 0 ? "" : "; " + style.bad(failures(result));
    int changes = result.changeCount();
    if (applied) {
      int writes = result.regions().stream().mapToInt(r -> r.rules().writes()).sum();
      return changes == 0
          ? "Apply: nothing to change"
              + failed
              + (result.failedParts() == 0 ? " (no write calls made)." : ".")
          : "Apply: "
              + changes
              + " "
              + plural(changes)
              + " in "
              + where
              + failed
              + " (rules: "
              + writes
              + " write calls).";
    }
    if (changes == 0) {
      return result.failedParts() == 0
          ? style.ok(
              "No changes: GuardDuty, the rules and topics"
                  + (result.iam().isSkipped() ? "" : " and the IAM policy")
                  + " are as asked in "
                  + result.regions().size()
                  + " regions.")
          : "No changes found" + failed + ".";
    }
    return style.change("Plan: " + changes + " " + plural(changes) + " pending in " + where)
        + failed
        + ". Run 'irctl apply' with the same settings to make them.";
  }

  private static String failures(AccountResult result) {
    List<String> parts = new ArrayList<>();
    if (result.failedRegions() > 0) {
      parts.add(result.failedRegions() + " region(s) failed");
    }
    if (result.iam().failed()) {
      parts.add("the IAM policy failed");
    }
    return String.join(", ", parts);
  }

  private String status(String status, boolean failed, boolean noChanges) {
    if (failed) {
      return style.bad(status);
    }
    return noChanges ? style.ok(status) : style.change(status);
  }

  /** {@code 3 to create, 1 to update, 20 in sync} in a plan; {@code 3 created, ...} after apply. */
  private String ruleCounts(RulesRegionResult r) {
    List<String> parts = new ArrayList<>();
    count(r, RuleChange.CreateRule.class, applied ? "created" : "to create", parts);
    count(r, RuleChange.UpdateRule.class, applied ? "updated" : "to update", parts);
    count(r, RuleChange.DeleteRule.class, applied ? "deleted" : "to delete", parts);
    parts.add(r.unchangedRules() + " rules in sync");
    return String.join(", ", parts);
  }

  private static void count(RulesRegionResult r, Class<?> type, String word, List<String> parts) {
    long n = r.changes().stream().filter(type::isInstance).count();
    if (n > 0) {
      parts.add(n + " " + word);
    }
  }

  private String plural(int n) {
    String noun = n == 1 ? "change" : "changes";
    return applied ? noun + " made" : noun;
  }

  public String json(AccountResult result, RegionSelection selection) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("command", command);
    root.put("inSync", result.inSync());
    ArrayNode regions = root.putArray("regions");
    for (RegionResult r : result.regions()) {
      ObjectNode region = regions.addObject();
      region.put("region", r.region());
      guardDutyJson(region.putObject("guardduty"), r.guardDuty());
      rulesJson(region.putObject("rules"), r.rules());
    }
    iamJson(root.putObject("iam"), result.iam());
    ArrayNode skipped = root.putArray("skippedRegions");
    selection.notOptedIn().forEach(skipped::add);
    ArrayNode warnings = root.putArray("warnings");
    selection.warnings().forEach(warnings::add);
    result.warnings().forEach(warnings::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", result.regions().size());
    summary.put("regionsWithChanges", result.regionsWithChanges());
    summary.put("changes", result.changeCount());
    summary.put("failedRegions", result.failedRegions());
    summary.put("failedParts", result.failedParts());
    summary.put("writes", result.regions().stream().mapToInt(r -> r.rules().writes()).sum());
    return Json.pretty(root);
  }

  private static void guardDutyJson(ObjectNode node, DetectorRegionResult r) {
    node.put("status", r.status());
    node.put("detectorId", r.detectorId().orElse(null));
    node.put("error", r.error().orElse(null));
    ArrayNode changes = node.putArray("changes");
    r.changes().forEach(c -> ChangeJson.add(changes, c));
  }

  private static void rulesJson(ObjectNode node, RulesRegionResult r) {
    node.put("status", r.status());
    node.put("topicArn", r.topicArn().orElse(null));
    node.put("unchangedRules", r.unchangedRules());
    node.put("writes", r.writes());
    node.put("error", r.error().orElse(null));
    ArrayNode changes = node.putArray("changes");
    r.changes().forEach(c -> ChangeJson.add(changes, c));
    ArrayNode orphans = node.putArray("orphans");
    r.orphans().forEach(orphans::add);
    ArrayNode pending = node.putArray("pendingSubscriptions");
    r.pendingSubscriptions().forEach(pending::add);
    ArrayNode warnings = node.putArray("warnings");
    r.warnings().forEach(warnings::add);
  }

  private static void iamJson(ObjectNode node, IamPart iam) {
    node.put("status", iam.status());
    node.put("policyArn", iam.result().map(InstallPolicyResult::policyArn).orElse(null));
    node.put("skippedReason", iam.skipped().orElse(null));
    node.put("error", iam.error().orElse(null));
    ArrayNode changes = node.putArray("changes");
    iam.changes().forEach(c -> ChangeJson.add(changes, c));
  }
}
