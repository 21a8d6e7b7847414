package dev.irctl.engine.run;

import dev.irctl.engine.Change;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One result from a part's two passes: what both wrote, and what the second pass ended in. */
final class SecondPass {
  static final String FAILED_TWICE = " (failed after 2 passes)";

  private SecondPass() {}

  static PartResult merge(PartResult first, PartResult second) {
    int writes = first.writes() + second.writes();
    // The first pass's plan is the whole of what was to do; a second plan is what it left.
    List<Change> changes = first.changes().isEmpty() ? second.changes() : first.changes();
    Map<String, String> ids = new TreeMap<>(first.notes().ids());
    ids.putAll(second.notes().ids());
    Notes notes = second.notes().withIds(ids);
    if (second.failed()) {
      return new PartResult(
          second.part(),
          second.region(),
          PartStatus.FAILED,
          changes,
          writes,
          second.error().map(e -> e.withMessage(e.message() + FAILED_TWICE)),
          notes,
          second.seen());
    }
    List<String> warnings = new ArrayList<>(notes.warnings());
    warnings.add(
        "done on the second pass; the first failed: "
            + first.error().map(Failure::message).orElse("?"));
    PartStatus status =
        second.status() == PartStatus.IN_SYNC && writes > 0 ? PartStatus.APPLIED : second.status();
    return new PartResult(
        second.part(),
        second.region(),
        status,
        changes,
        writes,
        java.util.Optional.empty(),
        new Notes(
            notes.ids(),
            notes.unchanged(),
            notes.orphans(),
            notes.pendingSubscriptions(),
            warnings),
        second.seen());
  }
}
