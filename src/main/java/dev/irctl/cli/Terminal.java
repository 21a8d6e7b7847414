package dev.irctl.cli;

import java.io.Console;

/**
 * Where a writing command asks before it writes. The real one is the process's console; tests give
 * a fake, so the question and its answer can be tested in-process.
 */
public interface Terminal {
  /** Whether a person can answer: stdin and stdout are a terminal. */
  boolean interactive();

  /** Shows {@code prompt} and reads one line; null at end of input. */
  String ask(String prompt);

  static Terminal system() {
    return new Terminal() {
      @Override
      public boolean interactive() {
        Console console = System.console();
        return console != null && isTerminal(console);
      }

      @Override
      public String ask(String prompt) {
        Console console = System.console();
        return console == null ? null : console.readLine("%s", prompt);
      }
    };
  }

  /** Java 22 says whether the console is a terminal; on 17 a console means one. */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  /** No terminal (CI, a pipe). */
  Terminal NONE =
      new Terminal() {
        @Override
        public boolean interactive() {
          return false;
        }

        @Override
        public String ask(String prompt) {
          return null;
        }
      };
}
