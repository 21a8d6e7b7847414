package dev.irctl.engine.run;

import java.util.List;
import java.util.Map;

/**
 * What a part's apply step did: the write calls made, the failures (each naming its resource), ids
 * of what it created, and whether every failure was one a second pass may not meet (throttling,
 * timeouts, 5xx: see {@link dev.irctl.engine.port.AwsCallException#retryable()}).
 */
public record Applied(
    int writes, List<String> failures, Map<String, String> ids, boolean retryable) {
  public Applied {
    failures = List.copyOf(failures);
    ids = Map.copyOf(ids);
  }

  public Applied(int writes, List<String> failures, Map<String, String> ids) {
    this(writes, failures, ids, false);
  }

  public static Applied of(int writes, List<String> failures) {
    return new Applied(writes, failures, Map.of());
  }

  /** With {@code retryable}: whether a second pass may succeed where these failures happened. */
  public static Applied of(int writes, List<String> failures, boolean retryable) {
    return new Applied(writes, failures, Map.of(), retryable);
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
