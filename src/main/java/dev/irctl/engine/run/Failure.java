package dev.irctl.engine.run;

import dev.irctl.engine.Input;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.AwsCallException;
import java.util.Optional;
import java.util.function.Function;

/**
 * Why a part failed in a region: a kind the CLI can act on, one sentence a user reads, and whether
 * a later pass may succeed (throttling, timeouts, 5xx). No flag names and no exit codes: when the
 * failure is about a value the user gave, {@code about} says which, the message starts with its
 * plain label, and the CLI words it ({@link #worded}).
 */
public record Failure(Kind kind, String message, boolean retryable, Optional<Input> about) {
  public enum Kind {
    /** An AWS call failed (access denied, throttled, a service error...). */
    AWS,
    /** The plan would touch something irctl does not own, or cannot be carried out as asked. */
    CONFLICT,
    /** A saved plan's resource changed after the plan was made. */
    CHANGED_SINCE_PLAN,
    /** The account cannot use the region (not opted in, unknown to the partition). */
    REGION_UNUSABLE,
    /** Some of the planned writes failed; the others were made. */
    PARTIAL_APPLY,
    /** The run was stopped (Ctrl-C, SIGTERM) before this part finished. */
    INTERRUPTED,
    /** A bug: an exception nobody expected. */
    UNEXPECTED
  }

  public static final String CHANGED_SINCE_PLAN_MESSAGE =
      "changed since the plan was made: run plan again (nothing was written here)";

  public Failure(Kind kind, String message) {
    this(kind, message, false, Optional.empty());
  }

  public Failure(Kind kind, String message, boolean retryable) {
    this(kind, message, retryable, Optional.empty());
  }

  public Failure(Kind kind, String message, Optional<Input> about) {
    this(kind, message, false, about);
  }

  public Failure {
    if (about.isPresent() && !message.startsWith(about.get().label())) {
      throw new IllegalArgumentException("a failure about an input starts with its label");
    }
  }

  /** The same failure, worded anew. */
  public Failure withMessage(String message) {
    return new Failure(kind, message, retryable, about);
  }

  /** The failure an exception from a part's plan or apply stands for. */
  public static Failure of(RuntimeException e) {
    if (e instanceof AwsCallException aws) {
      return new Failure(Kind.AWS, e.getMessage(), aws.retryable());
    }
    if (e instanceof PlanConflictException conflict) {
      return new Failure(Kind.CONFLICT, e.getMessage(), conflict.input());
    }
    return new Failure(
        Kind.UNEXPECTED, "unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  /** The message with the input it is about named by {@code naming} (the CLI: its flag). */
  public String worded(Function<Input, String> naming) {
    String named =
        about.map(i -> naming.apply(i) + message.substring(i.label().length())).orElse(message);
    return Input.word(named, naming);
  }
}
