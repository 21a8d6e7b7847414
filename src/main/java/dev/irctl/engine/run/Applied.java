package dev.irctl.engine.run;

import java.util.List;
import java.util.Map;

/**
 * What a part's apply step did: the write calls made, the failures (each naming its resource) and
 * ids of what it created.
 */
public record Applied(int writes, List<String> failures, Map<String, String> ids) {
  public Applied {
    failures = List.copyOf(failures);
    ids = Map.copyOf(ids);
  }

  public static Applied of(int writes, List<String> failures) {
    return new Applied(writes, failures, Map.of());
  }

  /** The failures in one sentence: the first three, and how many more. */
  public String summary() {
    String first = String.join("; ", failures.subList(0, Math.min(3, failures.size())));
    return failures.size()
        + " change(s) failed: "
        + first
        + (failures.size() > 3 ? "; and " + (failures.size() - 3) + " more" : "");
  }
}
