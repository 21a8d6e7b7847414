package dev.irctl.engine.rules;

import dev.irctl.engine.Change;
import java.util.List;
import java.util.Optional;

/**
 * One region's result of apply-rules or remove-rules. {@code status}: changed / unchanged after a
 * run, "would change" / unchanged in a dry run, or failed with {@code error}. {@code writes} counts
 * the write calls made.
 */
public record RulesRegionResult(
    String region,
    String status,
    Optional<String> topicArn,
    List<Change> changes,
    int unchangedRules,
    List<String> orphans,
    List<String> pendingSubscriptions,
    List<String> warnings,
    int writes,
    Optional<String> error) {
  public RulesRegionResult {
    changes = List.copyOf(changes);
    orphans = List.copyOf(orphans);
    pendingSubscriptions = List.copyOf(pendingSubscriptions);
    warnings = List.copyOf(warnings);
  }

  public boolean failed() {
    return "failed".equals(status);
  }

  public static RulesRegionResult failed(String region, String error) {
    return new RulesRegionResult(
        region,
        "failed",
        Optional.empty(),
        List.of(),
        0,
        List.of(),
        List.of(),
        List.of(),
        0,
        Optional.of(error));
  }

  static RulesRegionResult of(RegionPlan plan, boolean dryRun, int writes, List<String> failures) {
    String status =
        !failures.isEmpty()
            ? "failed"
            : plan.inSync() ? "unchanged" : dryRun ? "would change" : "changed";
    Optional<String> error =
        failures.isEmpty() ? Optional.empty() : Optional.of(summarise(failures));
    return new RulesRegionResult(
        plan.region(),
        status,
        Optional.of(plan.topicArn()),
        plan.changes(),
        plan.unchangedRules(),
        plan.orphans(),
        plan.pendingSubscriptions(),
        plan.warnings(),
        writes,
        error);
  }

  private static String summarise(List<String> failures) {
    String first = String.join("; ", failures.subList(0, Math.min(3, failures.size())));
    return failures.size()
        + " change(s) failed: "
        + first
        + (failures.size() > 3 ? "; and " + (failures.size() - 3) + " more" : "");
  }
}
