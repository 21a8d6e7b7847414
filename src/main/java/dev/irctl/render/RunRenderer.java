package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.Input;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.run.Failure;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.engine.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The one renderer of every command that plans or applies. Text: regions whose changes are the same
 * are shown once ("the same 22 changes in 16 regions: ..."), sorted, each change with its differing
 * fields, ending with "N to add, M to change, K to destroy". JSON: the schema in
 * docs/plan-schema.md, the same for every such command. Tense lives here, not in the engine.
 */
public final class RunRenderer {
  /** Bumped only when a field is removed or changes meaning; new fields do not bump it. */
  public static final int SCHEMA_VERSION = 2;

  private static final String REGION = "<region>";

  private final String command;
  private final Style style;
  private final Function<PartResult, String> hint;
  private final Function<Input, String> naming;

  /**
   * @param hint what the CLI adds to a result's line (how to fix a failure, what a skip means), or
   *     empty
   * @param naming how the front end names a value the user gave (the CLI: its flag)
   */
  public RunRenderer(
      String command,
      Style style,
      Function<PartResult, String> hint,
      Function<Input, String> naming) {
    this.command = command;
    this.style = style;
    this.hint = hint;
    this.naming = naming;
  }

  public RunRenderer(String command, Style style, Function<PartResult, String> hint) {
    this(command, style, hint, Input::label);
  }

  public static String identityLine(Identity identity, int regions) {
    return "account "
        + identity.accountId()
        + " as "
        + identity.arn()
        + " (partition "
        + identity.partition()
        + "), "
        + (regions == 0 ? "global only" : regions + (regions == 1 ? " region" : " regions"));
  }

  public static String waitingLine(int regions, String slowest) {
    return "still waiting for "
        + regions
        + (regions == 1 ? " region" : " regions")
        + " (slowest: "
        + slowest
        + ")";
  }

  /** Before the second pass: what runs again, and when. */
  public static String retryingLine(List<PartResult> failed, java.time.Duration delay) {
    List<String> where = failed.stream().map(PartResult::region).distinct().sorted().toList();
    return "second pass in "
        + String.format(Locale.ROOT, "%.1f", delay.toMillis() / 1000.0)
        + " s for "
        + failed.size()
        + (failed.size() == 1 ? " part" : " parts")
        + " that failed on throttling, a timeout or a service error: "
        + String.join(", ", where);
  }

  public String progressLine(PartResult r) {
    return String.format(
        "%-16s %-10s %s%s",
        r.region(),
        r.part(),
        word(r),
        r.error().map(e -> ": " + e.worded(naming) + hint.apply(r)).orElse(""));
  }

  public String text(RunResult result) {
    StringBuilder out = new StringBuilder();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    Map<String, Long> changesOf = new LinkedHashMap<>();
    Map<String, List<PartResult>> byRegion = new LinkedHashMap<>();
    result.results().stream()
        .filter(r -> !r.region().equals(Part.GLOBAL))
        .forEach(r -> byRegion.computeIfAbsent(r.region(), k -> new ArrayList<>()).add(r));
    byRegion.forEach(
        (region, parts) -> {
          String body = block(parts).replace(region, REGION);
          groups.computeIfAbsent(body, k -> new ArrayList<>()).add(region);
          changesOf.put(body, parts.stream().mapToLong(p -> p.changes().size()).sum());
        });
    groups.forEach(
        (body, regions) -> {
          if (regions.size() == 1) {
            out.append(regions.get(0)).append('\n').append(body.replace(REGION, regions.get(0)));
          } else {
            long n = changesOf.get(body);
            out.append(n == 0 ? "no changes" : "the same " + n + (n == 1 ? " change" : " changes"))
                .append(" in ")
                .append(regions.size())
                .append(" regions: ")
                .append(String.join(", ", regions))
                .append('\n')
                .append(body);
          }
        });
    List<PartResult> global =
        result.results().stream().filter(r -> r.region().equals(Part.GLOBAL)).toList();
    if (!global.isEmpty()) {
      out.append(Part.GLOBAL).append('\n').append(block(global));
    }
    out.append('\n').append(summary(result)).append('\n');
    return out.toString();
  }

  private String block(List<PartResult> parts) {
    StringBuilder out = new StringBuilder();
    for (PartResult r : parts) {
      out.append("  ").append(String.format("%-10s", r.part())).append(' ').append(status(r));
      String counts = counts(r);
      if (!counts.isEmpty()) {
        out.append("  ").append(counts);
      }
      // Detector ids differ per region; other ids (topic, policy) read the same in a group.
      new java.util.TreeMap<>(r.notes().ids())
          .forEach(
              (key, id) -> {
                if (!key.equals("detectorId")) {
                  out.append("  ").append(id);
                }
              });
      r.error().ifPresent(e -> out.append(": ").append(e.worded(naming)).append(hint.apply(r)));
      out.append('\n');
      r.changes().forEach(c -> out.append("    ").append(named(PlanText.change(c))).append('\n'));
      r.notes()
          .orphans()
          .forEach(
              o ->
                  out.append("    orphaned rule ")
                      .append(o)
                      .append(" (irctl's, no longer selected; --prune deletes it)\n"));
      r.notes()
          .pendingSubscriptions()
          .forEach(
              p -> out.append("    subscription pending confirmation: ").append(p).append('\n'));
      r.notes().remarks().forEach(n -> out.append("    note: ").append(named(n)).append('\n'));
      r.notes().warnings().forEach(w -> out.append("    warning: ").append(named(w)).append('\n'));
    }
    return out.toString();
  }

  private String counts(PartResult r) {
    List<String> parts = new ArrayList<>();
    boolean applied = r.status() == PartStatus.APPLIED || r.writes() > 0;
    add(parts, r.count(ChangeAction.CREATE), applied ? "added" : "to add");
    add(parts, r.count(ChangeAction.UPDATE), applied ? "changed" : "to change");
    add(parts, r.count(ChangeAction.DELETE), applied ? "destroyed" : "to destroy");
    if (r.notes().unchanged() > 0) {
      parts.add(r.notes().unchanged() + " in sync");
    }
    return String.join(", ", parts);
  }

  private static void add(List<String> parts, long n, String word) {
    if (n > 0) {
      parts.add(n + " " + word);
    }
  }

  private String status(PartResult r) {
    String word = word(r);
    return switch (r.status()) {
      case FAILED -> style.bad(word);
      case IN_SYNC, SKIPPED -> style.ok(word);
      default -> style.change(word);
    };
  }

  /** The status as a user reads it. */
  public static String word(PartResult r) {
    return switch (r.status()) {
      case IN_SYNC -> "in sync";
      case PENDING -> "pending";
      case APPLIED -> "applied";
      case FAILED ->
          r.error().map(e -> e.kind() == Failure.Kind.INTERRUPTED).orElse(false)
              ? "interrupted"
              : "failed";
      case SKIPPED -> "skipped";
    };
  }

  /** {@code 3 to add, 1 to change, 0 to destroy}. */
  public static String totals(RunResult result) {
    return result.count(ChangeAction.CREATE)
        + " to add, "
        + result.count(ChangeAction.UPDATE)
        + " to change, "
        + result.count(ChangeAction.DELETE)
        + " to destroy";
  }

  private String summary(RunResult result) {
    StringBuilder out = new StringBuilder();
    if (result.failed() > 0) {
      out.append(style.bad(failures(result))).append('\n');
    }
    if (result.wrote()) {
      out.append(
          "Apply: "
              + result.count(ChangeAction.CREATE)
              + " added, "
              + result.count(ChangeAction.UPDATE)
              + " changed, "
              + result.count(ChangeAction.DELETE)
              + " destroyed ("
              + result.writes()
              + " write calls).");
      return out.toString();
    }
    if (result.changeCount() == 0 && result.failed() == 0) {
      return out.append(
              style.ok(
                  "No changes: everything is as asked in "
                      + result.regionCount()
                      + (result.regionCount() == 1 ? " region." : " regions.")))
          .toString();
    }
    return out.append(style.change("Plan: " + totals(result))).toString();
  }

  private static String failures(RunResult result) {
    long regions = result.failedRegions();
    boolean global =
        result.results().stream().anyMatch(r -> r.failed() && r.region().equals(Part.GLOBAL));
    List<String> parts = new ArrayList<>();
    if (regions > 0) {
      parts.add(regions + (regions == 1 ? " region" : " regions") + " failed");
    }
    if (global) {
      parts.add("a global part failed");
    }
    return String.join(", ", parts)
        + " ("
        + result.failed()
        + " of "
        + result.ran()
        + " parts); the lines above say why. Run again to retry.";
  }

  public String json(RunResult result) {
    return Json.pretty(tree(result));
  }

  /** The one result document, for a command (status) that adds its own facts to it. */
  public ObjectNode tree(RunResult result) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("command", command);
    root.put("mode", result.wrote() ? "apply" : "plan");
    AccountJson.put(root, java.util.Optional.of(result.identity()));
    root.put("inSync", result.inSync());
    ArrayNode results = root.putArray("results");
    result.results().forEach(r -> resultJson(results.addObject(), r));
    ArrayNode skipped = root.putArray("skippedRegions");
    result.selection().notOptedIn().forEach(skipped::add);
    ArrayNode warnings = root.putArray("warnings");
    result.selection().warnings().forEach(w -> warnings.add(named(w)));
    result.warnings().forEach(w -> warnings.add(named(w)));
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", result.regionCount());
    summary.put("regionsWithChanges", result.regionsWithChanges());
    summary.put("add", result.count(ChangeAction.CREATE));
    summary.put("change", result.count(ChangeAction.UPDATE));
    summary.put("destroy", result.count(ChangeAction.DELETE));
    summary.put("changes", result.changeCount());
    summary.put("failed", result.failed());
    summary.put("failedRegions", result.failedRegions());
    summary.put("writes", result.writes());
    return root;
  }

  private void resultJson(ObjectNode node, PartResult r) {
    node.put("part", r.part());
    node.put("region", r.region());
    node.put("status", r.status().name());
    ObjectNode ids = node.putObject("ids");
    new java.util.TreeMap<>(r.notes().ids()).forEach(ids::put);
    if (r.error().isPresent()) {
      ObjectNode error = node.putObject("error");
      error.put("kind", r.error().get().kind().name());
      error.put("message", r.error().get().worded(naming));
    } else {
      node.putNull("error");
    }
    node.put("writes", r.writes());
    node.put("unchanged", r.notes().unchanged());
    ArrayNode changes = node.putArray("changes");
    r.changes().forEach(c -> ChangeJson.add(changes, c));
    changes.forEach(c -> ((ObjectNode) c).put("reason", named(c.path("reason").asText())));
    ArrayNode orphans = node.putArray("orphans");
    r.notes().orphans().forEach(orphans::add);
    ArrayNode pending = node.putArray("pendingSubscriptions");
    r.notes().pendingSubscriptions().forEach(pending::add);
    ArrayNode warnings = node.putArray("warnings");
    r.notes().warnings().forEach(w -> warnings.add(named(w)));
    ArrayNode remarks = node.putArray("notes");
    r.notes().remarks().forEach(n -> remarks.add(named(n)));
    node.put("fingerprint", r.fingerprint().orElse(null));
  }

  /** A failure's message as this front end words it. */
  String worded(Failure failure) {
    return failure.worded(naming);
  }

  /** Engine text with the inputs it refers to named the front end's way. */
  String named(String engineText) {
    return Input.word(engineText, naming);
  }

  static String lower(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }
}
