package dev.irctl.cli;

import dev.irctl.UserException;

/**
 * Asking before a command writes: on a terminal the user must type {@code yes}; without one the
 * command refuses (before any AWS call) unless {@code --auto-approve} was given. The terminal is
 * injected so tests can play either side.
 */
public final class Confirmation {
  public static final String ANSWER = "yes";

  private final Terminal terminal;
  private final boolean autoApprove;

  public Confirmation(Terminal terminal, boolean autoApprove) {
    this.terminal = terminal;
    this.autoApprove = autoApprove;
  }

  /**
   * Call before any AWS call: with neither a terminal nor --auto-approve nobody could answer, so
   * the command stops here (usage error, exit 2).
   */
  public void checkAnswerable(String command) {
    if (!autoApprove && !terminal.interactive()) {
      throw UserException.usage(
          "irctl "
              + command
              + " asks for confirmation, but there is no terminal to ask on; pass --auto-approve"
              + " to run it without asking.");
    }
  }

  /** True when approved: --auto-approve, or exactly {@code yes} typed on the terminal. */
  public boolean approved(String question) {
    if (autoApprove) {
      return true;
    }
    String answer = terminal.ask(question + " Only '" + ANSWER + "' is accepted: ");
    return answer != null && answer.trim().equals(ANSWER);
  }
}
