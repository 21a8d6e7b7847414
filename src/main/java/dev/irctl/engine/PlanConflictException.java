package dev.irctl.engine;

import java.util.Optional;

/**
 * The desired state cannot be reached without touching something irctl must not; fails that region.
 * When it is about a value the user gave, it carries that {@link Input} and its message starts with
 * the input's label, so the CLI can word it with the flag.
 */
public final class PlanConflictException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Optional<Input> input;

  public PlanConflictException(String message) {
    super(message);
    this.input = Optional.empty();
  }

  /**
   * @param rest the sentence after the input's label, e.g. {@code " alias/x was not found"}
   */
  public PlanConflictException(Input input, String rest) {
    super(input.label() + rest);
    this.input = Optional.of(input);
  }

  public Optional<Input> input() {
    return input;
  }
}
