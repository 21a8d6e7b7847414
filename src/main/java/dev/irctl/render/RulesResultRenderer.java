package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.rules.RuleChange;
import dev.irctl.engine.rules.RulesRegionResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * apply-rules' and remove-rules' output: a progress line per region, then a summary table or one
 * JSON document.
 */
public final class RulesResultRenderer {
  private final String command;
  private final Style style;
  private final boolean dryRun;

  public RulesResultRenderer(String command, Style style, boolean dryRun) {
    this.command = command;
    this.style = style;
    this.dryRun = dryRun;
  }

  public String progressLine(RulesRegionResult result) {
    StringBuilder line =
        new StringBuilder(String.format("%-16s %s", result.region(), status(result)));
    if (!result.failed()) {
      line.append("  ").append(ruleCounts(result));
    }
    result.error().ifPresent(e -> line.append(": ").append(e));
    if (dryRun) {
      for (Change change : result.changes()) {
        line.append("\n    ").append(PlanText.change(change));
      }
    }
    return line.toString();
  }

  public String summary(List<RulesRegionResult> results, List<String> warnings) {
    TextTable table = new TextTable("REGION", "STATUS", "RULES", "WRITES", "NOTES");
    for (RulesRegionResult r : sorted(results)) {
      table.row(
          r.region(),
          r.status(),
          r.failed() ? "-" : ruleCounts(r),
          r.writes(),
          r.error().orElseGet(() -> notes(r)));
    }
    StringBuilder out = new StringBuilder(table.render());
    for (RulesRegionResult r : sorted(results)) {
      r.orphans()
          .forEach(
              o ->
                  out.append(r.region())
                      .append(": orphaned rule ")
                      .append(o)
                      .append(" (irctl's, no longer selected; --prune deletes it)\n"));
      r.pendingSubscriptions()
          .forEach(
              p ->
                  out.append(r.region())
                      .append(": subscription pending confirmation: ")
                      .append(p)
                      .append('\n'));
      r.warnings()
          .forEach(w -> out.append(r.region()).append(": warning: ").append(w).append('\n'));
    }
    warnings.forEach(w -> out.append("warning: ").append(w).append('\n'));
    long failed = results.stream().filter(RulesRegionResult::failed).count();
    long changed = results.stream().filter(r -> !r.failed() && !r.changes().isEmpty()).count();
    int writes = results.stream().mapToInt(RulesRegionResult::writes).sum();
    out.append(
        String.format(
            "%d regions: %d %s, %d unchanged, %d failed; %d write calls%s%n",
            results.size(),
            changed,
            dryRun ? "with changes pending" : "changed",
            results.size() - changed - failed,
            failed,
            writes,
            writes == 0 ? (dryRun ? " (dry run)" : " (no write calls made)") : ""));
    return out.toString();
  }

  public String json(List<RulesRegionResult> results, List<String> warnings) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("command", command);
    root.put("dryRun", dryRun);
    ArrayNode regions = root.putArray("regions");
    for (RulesRegionResult r : sorted(results)) {
      ObjectNode region = regions.addObject();
      region.put("region", r.region());
      region.put("status", r.status());
      region.put("topicArn", r.topicArn().orElse(null));
      region.put("writes", r.writes());
      region.put("unchangedRules", r.unchangedRules());
      r.error().ifPresent(e -> region.put("error", e));
      ArrayNode changes = region.putArray("changes");
      for (Change change : r.changes()) {
        ObjectNode c = changes.addObject();
        c.put("action", change.action().name().toLowerCase(Locale.ROOT));
        c.put("resource", change.resource());
        c.put("reason", change.reason());
        ArrayNode diffs = c.putArray("diffs");
        for (FieldDiff d : change.diffs()) {
          diffs
              .addObject()
              .put("field", d.field())
              .put("before", d.before())
              .put("after", d.after());
        }
      }
      r.orphans().forEach(region.putArray("orphans")::add);
      r.pendingSubscriptions().forEach(region.putArray("pendingSubscriptions")::add);
      r.warnings().forEach(region.putArray("warnings")::add);
    }
    ArrayNode all = root.putArray("warnings");
    warnings.forEach(all::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", results.size());
    summary.put("failed", results.stream().filter(RulesRegionResult::failed).count());
    summary.put(
        "changed", results.stream().filter(r -> !r.failed() && !r.changes().isEmpty()).count());
    summary.put("writes", results.stream().mapToInt(RulesRegionResult::writes).sum());
    return Json.pretty(root);
  }

  private String status(RulesRegionResult result) {
    if (result.failed()) {
      return style.bad(result.status());
    }
    return result.changes().isEmpty() ? style.ok(result.status()) : style.change(result.status());
  }

  /** {@code 3 created, 1 updated, 20 unchanged} — only the words that apply. */
  private static String ruleCounts(RulesRegionResult r) {
    List<String> parts = new ArrayList<>();
    count(r, ChangeAction.CREATE, "created", parts);
    count(r, ChangeAction.UPDATE, "updated", parts);
    count(r, ChangeAction.DELETE, "deleted", parts);
    if (r.unchangedRules() > 0 || parts.isEmpty()) {
      parts.add(r.unchangedRules() + " unchanged");
    }
    return String.join(", ", parts);
  }

  private static void count(
      RulesRegionResult r, ChangeAction action, String word, List<String> parts) {
    long n =
        r.changes().stream().filter(c -> c instanceof RuleChange && c.action() == action).count();
    if (n > 0) {
      parts.add(n + " " + word);
    }
  }

  private static String notes(RulesRegionResult r) {
    List<String> notes = new ArrayList<>();
    r.changes().stream()
        .filter(c -> !(c instanceof RuleChange))
        .forEach(c -> notes.add(c.action().name().toLowerCase(Locale.ROOT) + " " + c.resource()));
    if (!r.orphans().isEmpty()) {
      notes.add(r.orphans().size() + " orphaned");
    }
    if (!r.pendingSubscriptions().isEmpty()) {
      notes.add(r.pendingSubscriptions().size() + " pending confirmation");
    }
    if (!r.warnings().isEmpty()) {
      notes.add(r.warnings().size() + " warning(s)");
    }
    return notes.isEmpty() ? "-" : String.join("; ", notes);
  }

  private static List<RulesRegionResult> sorted(List<RulesRegionResult> results) {
    return results.stream().sorted(Comparator.comparing(RulesRegionResult::region)).toList();
  }
}
