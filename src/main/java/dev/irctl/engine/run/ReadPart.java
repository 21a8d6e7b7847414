package dev.irctl.engine.run;

/**
 * What every part does: read the actual state through the ports and plan. A part that only reads
 * (status) is a {@code ReadPart} and nothing more: it has no apply, and the {@link Runner} reports
 * its changes as pending even in a writing run. A {@link Part} also applies.
 */
public interface ReadPart {
  /** The region name of a global part's one result. */
  String GLOBAL = "global";

  /** Short and stable: it keys results, JSON and saved plans ({@code guardduty}, {@code rules}). */
  String name();

  /** A global part runs once per account, a regional part (the default) once in every region. */
  default boolean global() {
    return false;
  }

  /**
   * The regions a regional part runs in, given the ones the run chose: those (the default), or more
   * when what it manages must also exist elsewhere (the rules part carries sign-in rules to where
   * AWS records console sign-ins). The part learns in {@link PartContext#regions} which were
   * chosen.
   */
  default java.util.List<String> regions(java.util.List<String> chosen) {
    return chosen;
  }

  /**
   * Parts (by name) that must have finished in a region before this one plans there: the org
   * members need the admin's detector the GuardDuty part creates. A global part that names a
   * regional part starts after every region has finished (the forwarder role's removal after the
   * rules). Empty (the default): it runs alongside the others.
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
}
