package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Prints a user's error as one or two sentences; the stack trace only with {@code -v}. */
final class UserExceptionHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean verbose = verbose(parseResult);
    if (ex instanceof UserException userException) {
      String message =
          userException.exitCode() == ExitCode.USAGE
              ? ConfigOrigins.of(commandLine).locate(Flags.message(userException))
              : Flags.message(userException);
      err.println(commandLine.getColorScheme().errorText("error: ") + message);
      if (verbose && userException.getCause() != null) {
        userException.getCause().printStackTrace(err);
      }
      err.flush();
      if (userException.exitCode() == ExitCode.USAGE
          && matched(parseResult, DetailedExitCode.FLAG)) {
        return ExitCode.FAILURE;
      }
      return userException.exitCode();
    }
    err.println(
        commandLine.getColorScheme().errorText("error: ")
            + "unexpected "
            + ex.getClass().getSimpleName()
            + (ex.getMessage() == null ? "" : ": " + ex.getMessage())
            + (verbose ? "" : " (run with -v for details)"));
    if (verbose) {
      ex.printStackTrace(err);
    }
    err.flush();
    return ExitCode.FAILURE;
  }

  private static boolean verbose(ParseResult parseResult) {
    return matched(parseResult, "-v");
  }

  private static boolean matched(ParseResult parseResult, String option) {
    for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption(option)) {
        return true;
      }
    }
    return false;
  }
}
