package dev.irctl.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.OrgStatusMatrix;
import dev.irctl.engine.org.OrgStatusMatrix.Cell;
import dev.irctl.engine.org.OrgStatusMatrix.RegionTotals;
import dev.irctl.engine.org.OrgStatusMatrix.Row;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code org status}: the accounts x regions matrix with one short code per cell, per-region totals
 * and what failed; or the one result document (docs/plan-schema.md) with the matrix added.
 */
public final class OrgStatusRenderer {
  static final String LEGEND =
      "GuardDuty: A admin, E enabled, C created (not enabled yet), I invited, D disabled,"
          + " R removed or resigned, M missing (not a member), S skipped (account not active),"
          + " ? not read, X other. Stack instance: c current, o outdated, i inoperable, d drifted,"
          + " n none, - none expected (no stack set, management or administrator account).";

  private final Style style;
  private final RunRenderer run;

  public OrgStatusRenderer(Style style, RunRenderer run) {
    this.style = style;
    this.run = run;
  }

  public String text(
      RunResult result,
      OrgPreflight.Caller caller,
      String stackSet,
      String stackSetRegion,
      OrgStatusMatrix matrix,
      boolean gapsOnly) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "organization %s (management %s, GuardDuty administrator %s): %d accounts (%d active,"
                + " %d skipped), %d regions; stack set %s in %s %s%n",
            caller.organization().id(),
            caller.organization().managementAccountId(),
            caller.adminAccountId(),
            matrix.rows().size(),
            matrix.activeAccounts(),
            matrix.skippedAccounts(),
            matrix.regions().size(),
            stackSet,
            stackSetRegion,
            matrix.stackSetExists() ? "exists" : "not found"));
    List<String> header = new ArrayList<>(List.of("ACCOUNT", "NAME", "STATE"));
    header.addAll(matrix.regions());
    TextTable table = new TextTable(header.toArray(String[]::new));
    for (Row row : matrix.rows()) {
      if (gapsOnly && row.cells().stream().noneMatch(Cell::gap)) {
        continue;
      }
      List<Object> cells = new ArrayList<>(List.of(row.accountId(), row.name(), row.state()));
      row.cells().forEach(c -> cells.add(code(c)));
      table.row(cells.toArray());
    }
    out.append(table.isEmpty() ? "no account has a gap\n" : table.render());
    out.append(LEGEND).append("\n\n");
    TextTable totals =
        new TextTable(
            "REGION",
            "DETECTOR",
            "COVERED",
            "MISSING",
            "NOT ENABLED",
            "SKIPPED",
            "INSTANCES CUR/OUT/INOP/DRIFT/NONE",
            "GAPS",
            "ERRORS");
    Map<String, Map<String, String>> errors = errors(result);
    for (RegionTotals t : matrix.totals()) {
      GuardDutyCounts g = GuardDutyCounts.of(t.guardDuty());
      totals.row(
          t.region(),
          detector(matrix, t.region()),
          g.covered,
          g.missing,
          g.notEnabled,
          g.skipped,
          Boolean.TRUE.equals(matrix.stackSetIn().get(t.region()))
              ? count(t.stacks(), "current")
                  + "/"
                  + count(t.stacks(), "outdated")
                  + "/"
                  + count(t.stacks(), "inoperable")
                  + "/"
                  + t.drifted()
                  + "/"
                  + count(t.stacks(), OrgStatusMatrix.NONE)
              : "-",
          t.gaps() == 0 ? style.ok("0") : style.bad(String.valueOf(t.gaps())),
          String.join("; ", errors.getOrDefault(t.region(), Map.of()).values()));
    }
    out.append(totals.render());
    errors
        .getOrDefault(Part.GLOBAL, Map.of())
        .values()
        .forEach(e -> out.append("error: " + e + "\n"));
    out.append(
        String.format(
            "%d gaps over %d accounts x %d regions%s%n",
            matrix.gaps(),
            matrix.rows().size(),
            matrix.regions().size(),
            result.failed() > 0 ? "; " + result.failed() + " reads failed" : ""));
    return out.toString();
  }

  public String json(
      RunResult result,
      OrgPreflight.Caller caller,
      String stackSet,
      String stackSetRegion,
      OrgStatusMatrix matrix) {
    ObjectNode root = run.tree(result);
    ObjectNode organization = root.putObject("organization");
    organization.put("id", caller.organization().id());
    organization.put("managementAccountId", caller.organization().managementAccountId());
    organization.put("adminAccountId", caller.adminAccountId());
    organization.put("accountsRead", matrix.accountsRead());
    ObjectNode set = root.putObject("stackSet");
    set.put("name", stackSet);
    set.put("region", stackSetRegion);
    set.put("exists", matrix.stackSetExists());
    Map<String, Map<String, String>> errors = errors(result);
    ArrayNode regions = root.putArray("regionTotals");
    for (RegionTotals t : matrix.totals()) {
      ObjectNode region = regions.addObject();
      region.put("region", t.region());
      region.put("detector", detector(matrix, t.region()));
      GuardDutyCounts g = GuardDutyCounts.of(t.guardDuty());
      region.put("covered", g.covered);
      region.put("missing", g.missing);
      region.put("notEnabled", g.notEnabled);
      region.put("skipped", g.skipped);
      region.put("unknown", g.unknown);
      boolean instances = Boolean.TRUE.equals(matrix.stackSetIn().get(t.region()));
      ObjectNode stacks = instances ? region.putObject("instances") : null;
      if (stacks == null) {
        region.putNull("instances");
      } else {
        stacks.put("current", count(t.stacks(), "current"));
        stacks.put("outdated", count(t.stacks(), "outdated"));
        stacks.put("inoperable", count(t.stacks(), "inoperable"));
        stacks.put("drifted", t.drifted());
        stacks.put("none", count(t.stacks(), OrgStatusMatrix.NONE));
      }
      region.put("gaps", t.gaps());
      ObjectNode regionErrors = region.putObject("errors");
      errors.getOrDefault(t.region(), Map.of()).forEach(regionErrors::put);
    }
    ArrayNode accounts = root.putArray("accounts");
    for (Row row : matrix.rows()) {
      ObjectNode account = accounts.addObject();
      account.put("id", row.accountId());
      account.put("name", row.name());
      account.put("state", row.state().name());
      ArrayNode cells = account.putArray("cells");
      for (Cell c : row.cells()) {
        ObjectNode cell = cells.addObject();
        cell.put("region", c.region());
        cell.put("guardduty", c.guardDuty());
        if (c.instance().isEmpty()) {
          cell.putNull("stackInstance");
        } else {
          ObjectNode instance = cell.putObject("stackInstance");
          instance.put("status", c.instance().get().status());
          instance.put("detailedStatus", c.instance().get().detailedStatus());
          instance.put("reason", c.instance().get().statusReason());
          instance.put("drift", c.instance().get().driftStatus());
        }
        cell.put("gap", c.gap());
      }
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("accounts", matrix.rows().size());
    totals.put("activeAccounts", matrix.activeAccounts());
    totals.put("skippedAccounts", matrix.skippedAccounts());
    totals.put("regions", matrix.regions().size());
    totals.put("gaps", matrix.gaps());
    return Json.pretty(root);
  }

  /** One or two letters: GuardDuty's standing, then the stack instance's. */
  static String code(Cell cell) {
    String gd =
        switch (cell.guardDuty()) {
          case OrgStatusMatrix.ADMIN -> "A";
          case OrgStatusMatrix.ENABLED -> "E";
          case "created" -> "C";
          case "invited" -> "I";
          case "disabled" -> "D";
          case "removed", "resigned" -> "R";
          case OrgStatusMatrix.MISSING -> "M";
          case OrgStatusMatrix.SKIPPED -> "S";
          case OrgStatusMatrix.UNKNOWN -> "?";
          default -> "X";
        };
    String stack =
        cell.drifted()
            ? "d"
            : switch (cell.stack()) {
              case "current" -> "c";
              case "outdated" -> "o";
              case "inoperable" -> "i";
              case OrgStatusMatrix.NONE -> "n";
              default -> "-";
            };
    return gd + " " + stack;
  }

  private static String detector(OrgStatusMatrix matrix, String region) {
    var detector = matrix.detectors().get(region);
    return detector == null ? "unknown" : detector.state();
  }

  private static long count(Map<String, Long> counts, String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** Region (or global) to part to why it could not be read. */
  private Map<String, Map<String, String>> errors(RunResult result) {
    Map<String, Map<String, String>> errors = new java.util.TreeMap<>();
    for (PartResult r : result.results()) {
      if (r.failed()) {
        errors
            .computeIfAbsent(r.region(), k -> new java.util.TreeMap<>())
            .put(r.part(), r.error().map(run::worded).orElse("failed"));
      }
    }
    return errors;
  }

  /** A region's GuardDuty cells in four groups. */
  private record GuardDutyCounts(
      long covered, long missing, long notEnabled, long skipped, long unknown) {
    static final Set<String> COVERED = Set.of(OrgStatusMatrix.ADMIN, OrgStatusMatrix.ENABLED);

    static GuardDutyCounts of(Map<String, Long> counts) {
      long covered = 0;
      long missing = 0;
      long other = 0;
      long skipped = 0;
      long unknown = 0;
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        switch (e.getKey()) {
          case OrgStatusMatrix.ADMIN, OrgStatusMatrix.ENABLED -> covered += e.getValue();
          case OrgStatusMatrix.MISSING -> missing += e.getValue();
          case OrgStatusMatrix.SKIPPED -> skipped += e.getValue();
          case OrgStatusMatrix.UNKNOWN -> unknown += e.getValue();
          default -> other += e.getValue();
        }
      }
      return new GuardDutyCounts(covered, missing, other, skipped, unknown);
    }
  }
}
