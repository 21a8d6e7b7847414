package dev.irctl.engine.run;

import dev.irctl.engine.Change;
import java.util.List;
import java.util.Optional;

/**
 * One part's plan for one region: the changes, the actual state the plan was made from (whose
 * fingerprint a saved plan keeps), the part's own plan value for its apply step, and notes. {@code
 * skipped} says why the part has nothing to do in this run.
 */
public record PartPlan(
    List<Change> changes, Object actual, Object detail, Notes notes, Optional<String> skipped) {
  public PartPlan {
    changes = List.copyOf(changes);
  }

  public static PartPlan of(
      List<? extends Change> changes, Object actual, Object detail, Notes notes) {
    return new PartPlan(List.copyOf(changes), actual, detail, notes, Optional.empty());
  }

  public static PartPlan skipped(String why) {
    return new PartPlan(List.of(), "", "", Notes.none(), Optional.of(why));
  }

  public boolean inSync() {
    return changes.isEmpty();
  }
}
