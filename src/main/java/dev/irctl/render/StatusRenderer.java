package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.status.GuardDutyStatus;
import dev.irctl.engine.status.RegionStatus;
import dev.irctl.engine.status.RulesStatus;
import dev.irctl.engine.status.TopicStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * status' matrix: one row per region (GuardDuty, rules, topic), or one JSON document
 * (docs/plan-schema.md).
 */
public final class StatusRenderer {
  /** status keeps its own row shape (docs/plan-schema.md, "status"). */
  public static final int STATUS_SCHEMA_VERSION = 1;

  private final Style style;
  private Map<String, String> delivery = Map.of();

  public StatusRenderer(Style style) {
    this.style = style;
  }

  /** The delivery column: region to ok, warn or broken (doctor's checks); absent: "-". */
  public StatusRenderer delivery(Map<String, String> words) {
    this.delivery = Map.copyOf(words);
    return this;
  }

  public String text(List<RegionStatus> rows) {
    TextTable table =
        new TextTable(
            "REGION",
            "GUARDDUTY",
            "FREQUENCY",
            "FEATURES ON",
            "RULES SYNC/DRIFT/MISSING/ORPHAN",
            "TOPIC POLICY",
            "SUBSCRIPTIONS",
            "DELIVERY",
            "ERRORS");
    for (RegionStatus row : rows) {
      table.row(
          row.region(),
          row.guardDuty().map(g -> g.state()).orElse("error"),
          row.guardDuty().flatMap(GuardDutyStatus::frequency).map(Enum::name).orElse("-"),
          row.guardDuty()
              .map(g -> g.detectorId().isEmpty() ? "-" : String.valueOf(g.featuresOn().size()))
              .orElse("-"),
          row.rules()
              .map(r -> r.inSync() + "/" + r.drifted() + "/" + r.missing() + "/" + r.orphaned())
              .orElse("error"),
          row.topic().map(StatusRenderer::policy).orElse("error"),
          row.topic()
              .map(t -> t.confirmed() + " confirmed, " + t.pending() + " pending")
              .orElse("error"),
          delivery.getOrDefault(row.region(), "-"),
          errors(row));
    }
    return table.render() + "\n" + summary(rows) + "\n";
  }

  private static String policy(TopicStatus topic) {
    if (!topic.exists()) {
      return "no topic";
    }
    return topic.policyOk() ? "ok" : "EventBridge may not publish";
  }

  private static String errors(RegionStatus row) {
    if (row.errors().isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    row.errors().forEach((part, why) -> parts.add(part + ": " + why));
    return String.join("; ", parts);
  }

  private String summary(List<RegionStatus> rows) {
    long enabled =
        rows.stream()
            .filter(
                r ->
                    r.guardDuty().map(g -> g.state().equals(GuardDutyStatus.ENABLED)).orElse(false))
            .count();
    long rulesOk =
        rows.stream()
            .filter(
                r ->
                    r.rules().map(RulesStatus::ok).orElse(false)
                        && r.topic().map(TopicStatus::policyOk).orElse(false))
            .count();
    long failed = rows.stream().filter(RegionStatus::failed).count();
    String line =
        rows.size()
            + " regions: GuardDuty enabled in "
            + enabled
            + ", rules and topic in sync in "
            + rulesOk
            + ", "
            + failed
            + " with errors.";
    boolean allGood = enabled == rows.size() && rulesOk == rows.size() && failed == 0;
    return allGood ? style.ok(line) : style.change(line) + " Run 'irctl plan' for the details.";
  }

  public String json(List<RegionStatus> rows, RegionSelection selection) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schemaVersion", STATUS_SCHEMA_VERSION);
    root.put("command", "status");
    ArrayNode regions = root.putArray("regions");
    for (RegionStatus row : rows) {
      ObjectNode region = regions.addObject();
      region.put("region", row.region());
      region.set("guardduty", row.guardDuty().map(StatusRenderer::guardDuty).orElse(null));
      region.set("rules", row.rules().map(StatusRenderer::rules).orElse(null));
      region.set("topic", row.topic().map(StatusRenderer::topic).orElse(null));
      region.put("delivery", delivery.get(row.region()));
      ObjectNode errors = region.putObject("errors");
      row.errors().forEach(errors::put);
    }
    ArrayNode skipped = root.putArray("skippedRegions");
    selection.notOptedIn().forEach(skipped::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", rows.size());
    summary.put("failedRegions", rows.stream().filter(RegionStatus::failed).count());
    return Json.pretty(root);
  }

  private static ObjectNode guardDuty(GuardDutyStatus g) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("state", g.state());
    node.put("detectorId", g.detectorId().orElse(null));
    node.put("findingFrequency", g.frequency().map(Enum::name).orElse(null));
    ArrayNode features = node.putArray("featuresOn");
    g.featuresOn().forEach(features::add);
    return node;
  }

  private static ObjectNode rules(RulesStatus r) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("inSync", r.inSync());
    node.put("drifted", r.drifted());
    node.put("missing", r.missing());
    node.put("orphaned", r.orphaned());
    return node;
  }

  private static ObjectNode topic(TopicStatus t) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("arn", t.arn());
    node.put("exists", t.exists());
    node.put("policyOk", t.policyOk());
    node.put("confirmedSubscriptions", t.confirmed());
    node.put("pendingSubscriptions", t.pending());
    return node;
  }
}
