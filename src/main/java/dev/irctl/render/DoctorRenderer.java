package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Input;
import dev.irctl.engine.delivery.DeliveryFinding;
import dev.irctl.engine.delivery.DeliveryHealth;
import dev.irctl.engine.delivery.DoctorResult;
import dev.irctl.engine.delivery.RegionDiagnosis;
import dev.irctl.engine.region.RegionSelection;
import java.util.Locale;
import java.util.function.Function;

/**
 * doctor's findings: one table row per finding with its fix sentence (a clean region is one "ok"
 * row), or one JSON document.
 */
public final class DoctorRenderer {
  /** Version of this command's own JSON document (not the plan/apply schema). */
  public static final int SCHEMA_VERSION = 1;

  private final Style style;
  private final Function<Input, String> naming;

  /** {@code naming}: how the front end names a value the user gives (the CLI: its flag). */
  public DoctorRenderer(Style style, Function<Input, String> naming) {
    this.style = style;
    this.naming = naming;
  }

  /**
   * ok, warn, no subscriber or broken: the word doctor gives each finding and region, and status
   * shows in its delivery column.
   */
  public static String word(DeliveryHealth health) {
    return health.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A finding's fix sentence, its references to user input named the front end's way. */
  String fix(DeliveryFinding finding) {
    return Input.word(finding.fix(), naming);
  }

  public String text(DoctorResult result) {
    TextTable table = new TextTable("REGION", "DELIVERY", "FINDING", "FIX");
    for (RegionDiagnosis region : result.regions()) {
      if (region.error().isPresent()) {
        table.row(region.region(), "error", "could not be read: " + region.error().get(), "-");
      } else if (region.findings().isEmpty()) {
        table.row(region.region(), "ok", "-", "-");
      }
      for (DeliveryFinding finding : region.findings()) {
        table.row(region.region(), word(finding.level()), finding.message(), fix(finding));
      }
    }
    return table.render() + "\n" + summary(result) + "\n";
  }

  private String summary(DoctorResult result) {
    long findings = result.regions().stream().mapToLong(r -> r.findings().size()).sum();
    long broken =
        result.regions().stream().filter(r -> r.health() == DeliveryHealth.BROKEN).count();
    long unsubscribed =
        result.regions().stream().filter(r -> r.health() == DeliveryHealth.NO_SUBSCRIBER).count();
    long failed = result.regions().stream().filter(r -> r.error().isPresent()).count();
    String line =
        result.regions().size()
            + " regions: "
            + findings
            + " findings, "
            + broken
            + " regions broken, "
            + unsubscribed
            + " with no subscriber, "
            + failed
            + " could not be read.";
    return switch (result.outcome()) {
      case CLEAN -> style.ok(line);
      case FINDINGS -> style.change(line);
      case ERROR -> style.bad(line);
    };
  }

  public String json(DoctorResult result, RegionSelection selection) {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    root.put("command", "doctor");
    AccountJson.put(root, result.identity());
    root.put("outcome", result.outcome().name().toLowerCase(Locale.ROOT));
    ArrayNode regions = root.putArray("regions");
    for (RegionDiagnosis diagnosis : result.regions()) {
      ObjectNode region = regions.addObject();
      region.put("region", diagnosis.region());
      region.put("delivery", word(diagnosis.health()));
      region.put("error", diagnosis.error().orElse(null));
      ArrayNode findings = region.putArray("findings");
      for (DeliveryFinding finding : diagnosis.findings()) {
        ObjectNode node = findings.addObject();
        node.put("kind", finding.kind().name());
        node.put("level", word(finding.level()));
        node.put("message", finding.message());
        node.put("fix", fix(finding));
      }
    }
    ArrayNode skipped = root.putArray("skippedRegions");
    selection.notOptedIn().forEach(skipped::add);
    ObjectNode summary = root.putObject("summary");
    summary.put("regions", result.regions().size());
    summary.put("findings", result.regions().stream().mapToLong(r -> r.findings().size()).sum());
    summary.put(
        "failedRegions", result.regions().stream().filter(r -> r.error().isPresent()).count());
    return Json.pretty(root);
  }
}
