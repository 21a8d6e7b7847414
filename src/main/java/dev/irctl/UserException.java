package dev.irctl;

/**
 * A failure the user can fix, with a message that says what is wrong and what to do. Printed
 * without a stack trace (unless {@code -v}) and mapped to its exit code.
 */
public class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int exitCode;

  public UserException(String message) {
    this(message, ExitCode.FAILURE, null);
  }

  public UserException(String message, int exitCode) {
    this(message, exitCode, null);
  }

  public UserException(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage error for subclasses that name no exit code (the engine's). */
  protected UserException(boolean usage, String message) {
    this(message, usage ? ExitCode.USAGE : ExitCode.FAILURE, null);
  }

  /** A usage error: bad flag or input, detected before any AWS call. */
  public static UserException usage(String message) {
    return new UserException(message, ExitCode.USAGE);
  }

  public int exitCode() {
    return exitCode;
  }
}
