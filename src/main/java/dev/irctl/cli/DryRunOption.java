package dev.irctl.cli;

import picocli.CommandLine.Option;

/**
 * {@code --dry-run}: plan and print, change nothing, never ask. The flag stops at the command;
 * adapters never see it.
 */
public final class DryRunOption {
  @Option(
      names = "--dry-run",
      description = "Print the plan for each region on stdout and change nothing.")
  boolean dryRun;

  public boolean dryRun() {
    return dryRun;
  }

  RunFlow.Kind kind() {
    return dryRun ? RunFlow.Kind.DRY_RUN : RunFlow.Kind.WRITE;
  }
}
