package dev.irctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;

/**
 * A bad flag: the reason and a pointer to --help, not the whole usage text, and exit 2 (1 under
 * plan --detailed-exitcode).
 */
final class UsageErrorHandler implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine commandLine = ex.getCommandLine();
    PrintWriter err = commandLine.getErr();
    err.println(commandLine.getColorScheme().errorText("error: ") + message(ex, commandLine));
    printSuggestions(ex, commandLine, err);
    err.println("Run '" + commandLine.getCommandSpec().qualifiedName() + " --help' for usage.");
    err.flush();
    return DetailedExitCode.usage(commandLine.getCommandSpec().root().commandLine(), args);
  }

  /** A bad value from irctl.yaml names the file, the line and the key, not only the flag. */
  private static String message(ParameterException ex, CommandLine commandLine) {
    ConfigOrigins origins = ConfigOrigins.of(commandLine);
    if (ex.getArgSpec() != null) {
      java.util.Optional<String> origin = origins.of(ex.getArgSpec());
      if (origin.isPresent()) {
        String reason = ex.getMessage().replaceFirst("^Invalid value for option '[^']*': ", "");
        return origin.get() + ": " + reason;
      }
    }
    return origins.locate(ex.getMessage());
  }

  /**
   * A mistyped subcommand gets the nearest by edit distance ({@code rules lst} → {@code rules
   * list}); picocli's own suggestions (which prefer {@code test} there) cover options.
   */
  private static void printSuggestions(
      ParameterException ex, CommandLine commandLine, PrintWriter err) {
    if (ex instanceof CommandLine.UnmatchedArgumentException unmatched
        && !commandLine.getSubcommands().isEmpty()
        && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().get(0).startsWith("-")) {
      java.util.Optional<String> nearest =
          dev.irctl.Suggestion.closest(
              unmatched.getUnmatched().get(0), commandLine.getSubcommands().keySet());
      if (nearest.isPresent()) {
        err.println(
            "Did you mean: "
                + commandLine.getCommandSpec().qualifiedName()
                + " "
                + nearest
                    .get()
                    .replace(" or ", " or " + commandLine.getCommandSpec().qualifiedName() + " ")
                + "?");
        return;
      }
    }
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
  }
}
