package dev.irctl.cli;

import picocli.CommandLine.Option;

/** {@code --auto-approve}: write without asking (CI); without it a writing command asks. */
public final class ApproveOption {
  static final String FLAG = "--auto-approve";

  @Option(
      names = FLAG,
      description =
          "Write without asking. Without it, a command that writes shows the plan and asks on a terminal,"
              + " and refuses without one.")
  boolean autoApprove;

  public boolean autoApprove() {
    return autoApprove;
  }
}
