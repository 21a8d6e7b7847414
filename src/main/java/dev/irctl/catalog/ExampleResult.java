package dev.irctl.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one example of one rule: {@code index} counts from 1 within its kind, {@code
 * label} is the event name (or detail-type), {@code fired} lists every rule that fired, {@code
 * reason} says why a failure failed.
 */
public record ExampleResult(
    String ruleId,
    Kind kind,
    int index,
    String label,
    boolean passed,
    List<String> fired,
    Optional<String> reason) {

  public enum Kind {
    MATCH("match"),
    NO_MATCH("noMatch");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }
  }

  public ExampleResult {
    fired = List.copyOf(fired);
  }
}
