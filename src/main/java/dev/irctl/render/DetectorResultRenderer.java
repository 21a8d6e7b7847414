package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.guardduty.DetectorRegionResult;
import dev.irctl.engine.region.RegionSelection;
import java.util.Comparator;
import java.util.List;

/**
 * enable-guardduty's output: a progress line per region, then a summary table or one JSON document.
 */
public final class DetectorResultRenderer {
  private final Style style;
  private final boolean dryRun;

  public DetectorResultRenderer(Style style, boolean dryRun) {
    this.style = style;
    this.dryRun = dryRun;
  }

  public String progressLine(DetectorRegionResult result) {
    StringBuilder line =
        new StringBuilder(String.format("%-16s %s", result.region(), status(result)));
    result.detectorId().ifPresent(id -> line.append("  detector ").append(id));
    result.error().ifPresent(e -> line.append(": ").append(e));
    if (dryRun) {
      for (Change change : result.changes()) {
        line.append("\n    ").append(PlanText.change(change));
      }
    }
    return line.toString();
  }

  public String summary(List<DetectorRegionResult> results) {
    TextTable table = new TextTable("REGION", "STATUS", "DETECTOR", "CHANGES");
    sorted(results)
        .forEach(
            r ->
                table.row(
                    r.region(),
                    r.status(),
                    r.detectorId().orElse("-"),
                    r.error().orElseGet(() -> changeSummary(r.changes()))));
    long failed = results.stream().filter(DetectorRegionResult::failed).count();
    long changed = results.stream().filter(r -> !r.failed() && !r.changes().isEmpty()).count();
    String tail =
        String.format(
            "%d regions: %d %s, %d unchanged, %d failed%s",
            results.size(),
            changed,
            dryRun ? "with changes pending" : "changed",
            results.size() - changed - failed,
            failed,
            changed == 0 && failed == 0 ? " (no write calls made)" : "");
    return table.render() + "\n" + tail + "\n";
  }

  public String json(List<DetectorRegionResult> results, RegionSelection selection) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("command", "enable-guardduty");
    root.put("dryRun", dryRun);
    ArrayNode regions = root.putArray("regions");
    for (DetectorRegionResult r : sorted(results)) {
      ObjectNode region = regions.addObject();
      region.put("region", r.region());
      region.put("status", r.status());
      region.put("detectorId", r.detectorId().orElse(null));
      r.error().ifPresent(e -> region.put("error", e));
      ArrayNode changes = region.putArray("changes");
      for (Change change : r.changes()) {
        ObjectNode c = changes.addObject();
        c.put("action", change.action().name().toLowerCase(java.util.Locale.ROOT));
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
    }
    ArrayNode skipped = root.putArray("skippedRegions");
    selection.notOptedIn().forEach(skipped::add);
    ArrayNode warnings = root.putArray("warnings");
    selection.warnings().forEach(warnings::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", results.size());
    summary.put("failed", results.stream().filter(DetectorRegionResult::failed).count());
    summary.put(
        "changed", results.stream().filter(r -> !r.failed() && !r.changes().isEmpty()).count());
    return Json.pretty(root);
  }

  private String status(DetectorRegionResult result) {
    if (result.failed()) {
      return style.bad(result.status());
    }
    return result.changes().isEmpty() ? style.ok(result.status()) : style.change(result.status());
  }

  private static String changeSummary(List<? extends Change> changes) {
    if (changes.isEmpty()) {
      return "-";
    }
    return String.join(
        "; ",
        changes.stream()
            .map(c -> c.action().name().toLowerCase(java.util.Locale.ROOT) + " " + c.resource())
            .toList());
  }

  private static List<DetectorRegionResult> sorted(List<DetectorRegionResult> results) {
    return results.stream().sorted(Comparator.comparing(DetectorRegionResult::region)).toList();
  }
}
