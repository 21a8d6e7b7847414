package dev.irctl.cli;

import dev.irctl.ExitCode;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * {@code plan --detailed-exitcode}: 0 in sync, 2 changes pending, 1 failed, 3 some parts failed.
 * Usage errors then exit 1, not 2, so a pipeline that reads 2 as "drift" never mistakes a typo in
 * irctl.yaml for drift.
 */
final class DetailedExitCode {
  static final String FLAG = "--detailed-exitcode";

  private DetailedExitCode() {}

  /**
   * The exit code for a usage error, given the command line as typed: 1 only when the command run
   * takes --detailed-exitcode and it was given; to any other command the flag is an unknown option,
   * a usage error like any other (2).
   */
  static int usage(CommandLine root, String[] args) {
    return requested(args) && takesFlag(commandOf(root, args)) ? ExitCode.FAILURE : ExitCode.USAGE;
  }

  private static boolean takesFlag(CommandLine command) {
    return command.getCommandSpec().findOption(FLAG) != null;
  }

  /** The deepest subcommand the arguments name (the root when they name none). */
  static CommandLine commandOf(CommandLine root, String[] args) {
    CommandLine command = root;
    for (int i = 0; args != null && i < args.length; i++) {
      CommandLine sub = command.getSubcommands().get(args[i]);
      if (sub == null) {
        break;
      }
      command = sub;
    }
    return command;
  }

  static boolean requested(String[] args) {
    return args != null && Arrays.asList(args).contains(FLAG);
  }
}
