package dev.irctl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Which catalog rules to deploy and how they alert: every rule flag, for the commands that write
 * rules (apply-rules, and plan and apply through {@link AccountOptions}), so they select the same
 * rules from the same flags (and the same irctl.yaml keys) as status, doctor and drill.
 */
@Command
public final class RuleOptions extends RuleCompareOptions {
  @Option(
      names = "--prune",
      description = "Delete irctl's rules that are no longer selected (orphans).")
  boolean prune;

  @Override
  boolean prune() {
    return prune;
  }
}
