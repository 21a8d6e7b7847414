package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.drill.DrillReport;
import dev.irctl.engine.drill.PatternCheck;
import dev.irctl.engine.drill.RegionDrill;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.region.RegionSelection;
import java.util.List;
import java.util.Locale;

/** drill's report: one row per region (delivery, pattern agreement), then what went wrong. */
public final class DrillRenderer {
  /** Version of this command's own JSON document (not the plan/apply schema). */
  public static final int SCHEMA_VERSION = 1;

  private final Style style;

  public DrillRenderer(Style style) {
    this.style = style;
  }

  public static String delivery(RegionDrill drill) {
    return switch (drill.status()) {
      case DELIVERED ->
          "delivered after " + drill.deliveredAfter().orElseThrow().toSeconds() + " s";
      case NOT_DELIVERED -> "not delivered: " + drill.reason().orElse("");
      case FAILED -> "failed: " + drill.reason().orElse("");
      case INTERRUPTED -> "interrupted: " + drill.reason().orElse("");
    };
  }

  static String patterns(DrillReport report) {
    if (report.patternError().isPresent()) {
      return "not checked: " + report.patternError().get();
    }
    long rules = report.verdicts().stream().map(PatternCheck.Verdict::rule).distinct().count();
    if (rules == 0) {
      return "no deployed irctl rule with examples";
    }
    int disagree = report.disagreements().size();
    String checked = rules + " rules, " + report.verdicts().size() + " examples";
    return disagree == 0 ? checked + " agree" : checked + ", " + disagree + " disagree";
  }

  public String text(List<DrillReport> reports) {
    TextTable table = new TextTable("REGION", "DELIVERY", "PATTERNS (TestEventPattern)");
    for (DrillReport report : reports) {
      table.row(report.region(), delivery(report.drill()), patterns(report));
    }
    StringBuilder out = new StringBuilder(table.render()).append("\n");
    for (DrillReport report : reports) {
      for (PatternCheck.Verdict v : report.disagreements()) {
        out.append(style.bad(report.region() + " " + v.describe())).append("\n");
      }
      for (String left : report.drill().leftBehind()) {
        out.append(style.bad(report.region() + " left behind, delete it by hand: " + left))
            .append("\n");
      }
    }
    long passed = reports.stream().filter(DrillReport::passed).count();
    String line =
        reports.size() + " regions: " + passed + " delivered with every pattern agreeing.";
    out.append(passed == reports.size() ? style.ok(line) : style.change(line)).append("\n");
    return out.toString();
  }

  /** The document, with whom the drill ran as ({@code identity}: sts:GetCallerIdentity). */
  public String json(List<DrillReport> reports, RegionSelection selection, Identity identity) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("command", "drill");
    AccountJson.put(root, java.util.Optional.of(identity));
    ArrayNode regions = root.putArray("regions");
    for (DrillReport report : reports) {
      RegionDrill drill = report.drill();
      ObjectNode region = regions.addObject();
      region.put("region", report.region());
      region.put("delivery", drill.status().name().toLowerCase(Locale.ROOT));
      if (drill.deliveredAfter().isPresent()) {
        region.put("deliveredAfterSeconds", drill.deliveredAfter().get().toSeconds());
      } else {
        region.putNull("deliveredAfterSeconds");
      }
      region.put("reason", drill.reason().orElse(null));
      ArrayNode left = region.putArray("leftBehind");
      drill.leftBehind().forEach(left::add);
      ObjectNode patterns = region.putObject("patterns");
      patterns.put("error", report.patternError().orElse(null));
      patterns.put("examples", report.verdicts().size());
      ArrayNode disagreements = patterns.putArray("disagreements");
      report.disagreements().forEach(v -> disagreements.add(v.describe()));
      region.put("passed", report.passed());
    }
    ArrayNode skipped = root.putArray("skippedRegions");
    selection.notOptedIn().forEach(skipped::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", reports.size());
    summary.put("passed", reports.stream().filter(DrillReport::passed).count());
    summary.put("failedRegions", reports.stream().filter(DrillReport::failedToRun).count());
    return Json.pretty(root);
  }
}
