package dev.irctl.engine.run;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One kind of thing irctl manages (the GuardDuty detector, a region's rules and topic, the IAM
 * policy...). A part knows what it wants, reads what exists through the ports, plans purely (no SDK
 * types) and applies a plan's changes. Everything else (regions, concurrency, failure isolation,
 * identity, progress, whether to apply) is the {@link Runner}'s. Adding a kind of resource to irctl
 * is writing one part.
 */
public interface Part {
  /** The region name of a global part's one result. */
  String GLOBAL = "global";

  /** Short and stable: it keys results, JSON and saved plans ({@code guardduty}, {@code rules}). */
  String name();

  /** A global part runs once per account, a regional part (the default) once in every region. */
  default boolean global() {
    return false;
  }

  /**
   * Parts (by name) that must have finished in a region before this one plans there: the org
   * members need the admin's detector the GuardDuty part creates. Empty (the default): it runs
   * alongside the others.
   */
  default java.util.Set<String> after() {
    return java.util.Set.of();
  }

  /**
   * Reads the actual state through {@code context.ports()} and plans. Throws an {@link
   * dev.irctl.engine.port.AwsCallException} or {@link dev.irctl.engine.PlanConflictException} to
   * fail this part in this region; the runner catches it.
   */
  PartPlan plan(PartContext context);

  /** Makes the plan's changes (only called when there are some). */
  Applied apply(PartContext context, PartPlan plan);

  /** What the part wants, as JSON, so a saved plan can rebuild this part exactly. */
  JsonNode desired();
}
