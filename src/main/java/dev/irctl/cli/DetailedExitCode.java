package dev.irctl.cli;

import dev.irctl.ExitCode;
import java.util.Arrays;

/**
 * {@code plan --detailed-exitcode}: 0 in sync, 2 changes pending, 1 failed, 3 some parts failed.
 * Usage errors then exit 1, not 2, so a pipeline that reads 2 as "drift" never mistakes a typo in
 * irctl.yaml for drift.
 */
final class DetailedExitCode {
  static final String FLAG = "--detailed-exitcode";

  private DetailedExitCode() {}

  /** The exit code for a usage error, given the command line as typed. */
  static int usage(String[] args) {
    return requested(args) ? ExitCode.FAILURE : ExitCode.USAGE;
  }

  static boolean requested(String[] args) {
    return args != null && Arrays.asList(args).contains(FLAG);
  }
}
