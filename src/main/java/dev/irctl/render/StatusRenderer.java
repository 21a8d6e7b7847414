package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.delivery.DeliveryHealth;
import dev.irctl.engine.run.Failure;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.ReadPart;
import dev.irctl.engine.run.RunResult;
import dev.irctl.engine.status.GuardDutyStatus;
import dev.irctl.engine.status.RulesStatus;
import dev.irctl.engine.status.StatusFacts;
import dev.irctl.engine.status.TopicStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * status' matrix: one row per region (GuardDuty, rules, topic), or the one result document
 * (docs/plan-schema.md) with each region's status facts added under {@code regions[]}.
 */
public final class StatusRenderer {
  /** One region's row: the region, its facts and the parts that failed there (part to why). */
  public record Row(String region, StatusFacts facts, Map<String, String> errors) {
    public boolean failed() {
      return !errors.isEmpty();
    }
  }

  /** A text column: its header and how a row fills it. Adding a column is adding one entry. */
  private record Column(String header, Function<Row, String> cell) {}

  private static final List<Column> COLUMNS =
      List.of(
          new Column("REGION", Row::region),
          new Column(
              "GUARDDUTY",
              r -> gd(r).map(GuardDutyStatus::state).orElse(carried(r) ? "-" : "error")),
          new Column(
              "FREQUENCY",
              r -> gd(r).flatMap(GuardDutyStatus::frequency).map(Enum::name).orElse("-")),
          new Column(
              "FEATURES ON",
              r ->
                  gd(r)
                      .map(
                          g ->
                              g.detectorId().isEmpty()
                                  ? "-"
                                  : String.valueOf(g.featuresOn().size()))
                      .orElse("-")),
          new Column(
              "RULES SYNC/DRIFT/MISSING/ORPHAN",
              r ->
                  rules(r)
                      .map(
                          s ->
                              s.inSync()
                                  + "/"
                                  + s.drifted()
                                  + "/"
                                  + s.missing()
                                  + "/"
                                  + s.orphaned())
                      .orElse("error")),
          new Column(
              "TOPIC POLICY",
              r ->
                  forwardsTo(r)
                      .map(to -> "forwards to " + to)
                      .orElseGet(() -> topic(r).map(StatusRenderer::policy).orElse("error"))),
          new Column(
              "SUBSCRIPTIONS",
              r ->
                  forwardsTo(r).isPresent()
                      ? "-"
                      : topic(r)
                          .map(t -> t.confirmed() + " confirmed, " + t.pending() + " pending")
                          .orElse("error")),
          new Column("DELIVERY", StatusRenderer::delivery),
          new Column("ERRORS", StatusRenderer::errors));

  private final Style style;
  private final RunRenderer run;

  public StatusRenderer(Style style, RunRenderer run) {
    this.style = style;
    this.run = run;
  }

  /** One row per region the run covered, sorted, failures gathered from the results. */
  private List<Row> rows(RunResult result, StatusFacts facts) {
    Map<String, Map<String, String>> errors = new TreeMap<>();
    for (PartResult r : result.results()) {
      if (r.region().equals(ReadPart.GLOBAL)) {
        continue; // the forwarder role has its own line, not a row
      }
      Map<String, String> region = errors.computeIfAbsent(r.region(), k -> new TreeMap<>());
      if (r.failed()) {
        String key =
            r.error().map(e -> e.kind() == Failure.Kind.REGION_UNUSABLE).orElse(false)
                ? "region"
                : r.part();
        region.put(key, r.error().map(run::worded).orElse("failed"));
      }
    }
    List<Row> rows = new ArrayList<>();
    errors.forEach((region, why) -> rows.add(new Row(region, facts, why)));
    // The chosen regions first; those read only for the carried sign-in rules after them.
    rows.sort(java.util.Comparator.comparing(StatusRenderer::carried));
    return rows;
  }

  public String text(RunResult result, StatusFacts facts) {
    List<Row> rows = rows(result, facts);
    TextTable table = new TextTable(COLUMNS.stream().map(Column::header).toArray(String[]::new));
    for (Row row : rows) {
      table.row(COLUMNS.stream().map(c -> c.cell().apply(row)).toArray(String[]::new));
    }
    Optional<String> role = forwarderRole(result, facts);
    StringBuilder notes = new StringBuilder();
    rows.forEach(
        r ->
            r.facts()
                .carried(r.region())
                .ifPresent(n -> notes.append(r.region() + ": " + n + "\n")));
    return table.render()
        + "\n"
        + notes
        + subscriberHints(rows)
        + role.map(r -> r + "\n").orElse("")
        + summary(rows, role.map(r -> r.endsWith(": ok")).orElse(true))
        + "\n";
  }

  /**
   * Where some region forwards, one line: the forwarder role ok, what is wrong with it, or why it
   * was not read.
   */
  private static Optional<String> forwarderRole(RunResult result, StatusFacts facts) {
    String label = "forwarder role " + dev.irctl.engine.hub.ForwarderRole.NAME + ": ";
    Optional<String> error = roleError(result);
    if (error.isPresent()) {
      return Optional.of(label + "error: " + error.get());
    }
    return facts
        .forwarderRole()
        .map(r -> label + (r.ok() ? "ok" : String.join("; ", r.problems())));
  }

  private static Optional<String> roleError(RunResult result) {
    return result.results().stream()
        .filter(r -> r.region().equals(ReadPart.GLOBAL) && r.failed())
        .map(r -> r.error().map(e -> e.message()).orElse("failed"))
        .findFirst();
  }

  private static java.util.Optional<GuardDutyStatus> gd(Row row) {
    return row.facts().guardDuty(row.region());
  }

  /** A region read only for the sign-in rules carried there (no GuardDuty, no delivery). */
  private static boolean carried(Row row) {
    return row.facts().carried(row.region()).isPresent();
  }

  private static java.util.Optional<RulesStatus> rules(Row row) {
    return row.facts().rules(row.region());
  }

  /**
   * A region whose events go to another region's bus (the hub, or the chosen region carried sign-in
   * rules forward to) has no topic by design: its row says where they go instead.
   */
  private static java.util.Optional<String> forwardsTo(Row row) {
    return row.facts().forwardsTo(row.region());
  }

  private static java.util.Optional<TopicStatus> topic(Row row) {
    return forwardsTo(row).isPresent() ? Optional.empty() : row.facts().topic(row.region());
  }

  /**
   * One word, from the doctor's checks, as doctor words it: ok, warn, no subscriber or broken
   * ({@code irctl doctor} says why).
   */
  private static String delivery(Row row) {
    return row.facts().delivery(row.region()).map(d -> DoctorRenderer.word(d.health())).orElse("-");
  }

  /**
   * For the rows whose only problem that stops alerts is a missing subscriber, what is missing and
   * what to do, one line per distinct finding (the regions it holds for named): the column's word
   * alone would leave a first-time user guessing.
   */
  private String subscriberHints(List<Row> rows) {
    Map<String, List<String>> regionsByHint = new java.util.LinkedHashMap<>();
    for (Row row : rows) {
      row.facts()
          .delivery(row.region())
          .filter(d -> d.health() == DeliveryHealth.NO_SUBSCRIBER)
          .ifPresent(
              d ->
                  d.findings().stream()
                      .filter(f -> f.level() == DeliveryHealth.NO_SUBSCRIBER)
                      .forEach(
                          f ->
                              regionsByHint
                                  .computeIfAbsent(
                                      f.message() + ". " + run.named(f.fix()),
                                      k -> new ArrayList<>())
                                  .add(row.region())));
    }
    StringBuilder hints = new StringBuilder();
    regionsByHint.forEach(
        (hint, regions) ->
            hints
                .append(DoctorRenderer.word(DeliveryHealth.NO_SUBSCRIBER))
                .append(" in ")
                .append(String.join(", ", regions))
                .append(": ")
                .append(hint)
                .append("\n"));
    return hints.toString();
  }

  private static String policy(TopicStatus topic) {
    if (!topic.exists()) {
      return "no topic";
    }
    return topic.policyOk() ? "ok" : "EventBridge may not publish";
  }

  private static String errors(Row row) {
    if (row.errors().isEmpty()) {
      return "-";
    }
    List<String> parts = new ArrayList<>();
    row.errors().forEach((part, why) -> parts.add(part + ": " + why));
    return String.join("; ", parts);
  }

  private String summary(List<Row> rows, boolean roleOk) {
    long enabled =
        rows.stream()
            .filter(r -> gd(r).map(g -> g.state().equals(GuardDutyStatus.ENABLED)).orElse(false))
            .count();
    long rulesOk =
        rows.stream()
            .filter(
                r ->
                    rules(r).map(RulesStatus::ok).orElse(false)
                        && (forwardsTo(r).isPresent()
                            || topic(r).map(TopicStatus::policyOk).orElse(false)))
            .count();
    long failed = rows.stream().filter(Row::failed).count();
    long chosen = rows.stream().filter(r -> !carried(r)).count();
    String line =
        chosen
            + (chosen == 1 ? " region" : " regions")
            + (chosen == rows.size()
                ? ""
                : " (and " + (rows.size() - chosen) + " for the sign-in rules only)")
            + ": GuardDuty enabled in "
            + enabled
            + ", rules and topic in sync in "
            + rulesOk
            + ", "
            + failed
            + " with errors.";
    boolean allGood = enabled == chosen && rulesOk == rows.size() && failed == 0 && roleOk;
    return allGood ? style.ok(line) : style.change(line) + " Run 'irctl plan' for the details.";
  }

  /** The one result document (schemaVersion as plan and apply) plus {@code regions[]}. */
  public String json(RunResult result, StatusFacts facts) {
    ObjectNode root = run.tree(result);
    ArrayNode regions = root.putArray("regions");
    for (Row row : rows(result, facts)) {
      ObjectNode region = regions.addObject();
      region.put("region", row.region());
      region.put("carried", row.facts().carried(row.region()).orElse(null));
      region.set("guardduty", gd(row).map(StatusRenderer::guardDuty).orElse(null));
      region.set("rules", rules(row).map(StatusRenderer::rules).orElse(null));
      region.put("forwardsTo", forwardsTo(row).orElse(null));
      region.set("topic", topic(row).map(StatusRenderer::topic).orElse(null));
      region.set("delivery", row.facts().delivery(row.region()).map(this::delivery).orElse(null));
      ObjectNode errors = region.putObject("errors");
      row.errors().forEach(errors::put);
    }
    Optional<String> error = roleError(result);
    if (facts.forwarderRole().isPresent() || error.isPresent()) {
      ObjectNode role = root.putObject("forwarderRole");
      role.put("name", dev.irctl.engine.hub.ForwarderRole.NAME);
      role.put("ok", error.isEmpty() && facts.forwarderRole().map(r -> r.ok()).orElse(false));
      ArrayNode problems = role.putArray("problems");
      facts.forwarderRole().ifPresent(r -> r.problems().forEach(problems::add));
      role.put("error", error.orElse(null));
    }
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

  private ObjectNode delivery(dev.irctl.engine.delivery.RegionDiagnosis d) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("health", DoctorRenderer.word(d.health()));
    ArrayNode findings = node.putArray("findings");
    for (var f : d.findings()) {
      ObjectNode finding = findings.addObject();
      finding.put("kind", f.kind().name());
      finding.put("level", DoctorRenderer.word(f.level()));
      finding.put("message", f.message());
      finding.put("fix", run.named(f.fix()));
    }
    node.put("error", d.error().orElse(null));
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
