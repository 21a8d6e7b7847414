package dev.irctl.engine.run;

import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import java.util.List;
import java.util.Optional;

/**
 * The one result shape: one part in one region ({@link Part#GLOBAL} for global parts), its status,
 * the changes planned or made, the write calls made, why it failed, notes, and the fingerprint of
 * the actual state it was planned from ({@link #fingerprint()}: empty when nothing was read),
 * computed only when asked for.
 */
public record PartResult(
    String part,
    String region,
    PartStatus status,
    List<Change> changes,
    int writes,
    Optional<Failure> error,
    Notes notes,
    Fingerprint.Later seen) {
  public PartResult {
    changes = List.copyOf(changes);
  }

  public static PartResult failed(String part, String region, Failure failure) {
    return new PartResult(
        part,
        region,
        PartStatus.FAILED,
        List.of(),
        0,
        Optional.of(failure),
        Notes.none(),
        Fingerprint.Later.NONE);
  }

  /** The fingerprint of the state the plan saw; computed on the first call. */
  public Optional<String> fingerprint() {
    return seen.get();
  }

  public boolean failed() {
    return status == PartStatus.FAILED;
  }

  public long count(ChangeAction action) {
    return changes.stream().filter(c -> c.action() == action).count();
  }
}
