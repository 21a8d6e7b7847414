package dev.irctl.engine;

import dev.irctl.UserException;
import java.util.function.Function;

/**
 * A usage error about one value the user gave: which {@link Input}, the value, and what is wrong
 * with it. The message starts with the input's plain label; the CLI words it with the flag instead
 * ({@link #worded}).
 */
public final class InputException extends UserException {
  private static final long serialVersionUID = 1L;
  private final Input input;
  private final String rest;

  /**
   * @param rest the sentence after the input's name, e.g. {@code " x: no rule has this category."}
   */
  public InputException(Input input, String rest) {
    super(true, input.label() + rest);
    this.input = input;
    this.rest = rest;
  }

  public Input input() {
    return input;
  }

  /** The message with the input named by {@code naming} (the CLI passes its flag names). */
  public String worded(Function<Input, String> naming) {
    return Input.word(naming.apply(input) + rest, naming);
  }
}
