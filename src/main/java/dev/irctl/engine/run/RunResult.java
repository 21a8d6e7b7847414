package dev.irctl.engine.run;

import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.region.RegionSelection;
import java.util.List;

/**
 * A whole run: who, where, one result per part and region (regions sorted, global parts last),
 * warnings that concern no single region, and whether changes were made or only planned.
 */
public record RunResult(
    Identity identity,
    RegionSelection selection,
    List<PartResult> results,
    List<String> warnings,
    boolean wrote) {
  public RunResult {
    results = List.copyOf(results);
    warnings = List.copyOf(warnings);
  }

  public long count(ChangeAction action) {
    return results.stream().mapToLong(r -> r.count(action)).sum();
  }

  public long changeCount() {
    return results.stream().mapToLong(r -> r.changes().size()).sum();
  }

  public long failed() {
    return results.stream().filter(PartResult::failed).count();
  }

  /** Results that ran (skipped parts do not count). */
  public long ran() {
    return results.stream().filter(r -> r.status() != PartStatus.SKIPPED).count();
  }

  public int writes() {
    return results.stream().mapToInt(PartResult::writes).sum();
  }

  public boolean inSync() {
    return changeCount() == 0 && failed() == 0;
  }

  public long regionsWithChanges() {
    return results.stream()
        .filter(r -> !r.region().equals(Part.GLOBAL) && !r.changes().isEmpty())
        .map(PartResult::region)
        .distinct()
        .count();
  }

  public long failedRegions() {
    return results.stream()
        .filter(r -> !r.region().equals(Part.GLOBAL) && r.failed())
        .map(PartResult::region)
        .distinct()
        .count();
  }

  public long regionCount() {
    return results.stream()
        .map(PartResult::region)
        .filter(r -> !r.equals(Part.GLOBAL))
        .distinct()
        .count();
  }
}
