package dev.irctl.cli;

import dev.irctl.UserException;
import java.io.Console;

/**
 * Asking before a command writes: on a terminal the user must type {@code yes}; without one the
 * command refuses (before any AWS call) unless {@code --auto-approve} was given. The terminal is
 * injected so tests can play either side.
 */
public final class Confirmation {
  /** Where the question is asked. */
  public interface Terminal {
    /** Whether a person can answer (stdin and stdout are a terminal). */
    boolean interactive();

    /** Shows the prompt and returns the answer; null at end of input. */
    String ask(String prompt);
  }

  public static final String ANSWER = "yes";

  private final Terminal terminal;
  private final boolean autoApprove;

  public Confirmation(Terminal terminal, boolean autoApprove) {
    this.terminal = terminal;
    this.autoApprove = autoApprove;
  }

  /** The process's console, when it has one. */
  public static Terminal system() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        return System.console() != null;
      }

      @Override
      public String ask(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", prompt);
      }
    };
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
