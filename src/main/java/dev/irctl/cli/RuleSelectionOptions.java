package dev.irctl.cli;

import dev.irctl.engine.rules.CatalogRules;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Which catalog rules: --rule, --exclude and --category, one set of flags (and irctl.yaml keys) for
 * every command that selects rules, so they read and behave the same everywhere.
 */
@Command
public final class RuleSelectionOptions {
  @Option(
      names = "--rule",
      paramLabel = "ID",
      split = ",",
      description = "Only these catalog rules (repeatable or comma-separated).")
  List<String> rules = new ArrayList<>();

  @Option(
      names = "--exclude",
      paramLabel = "ID",
      split = ",",
      description = "Leave these catalog rules out.")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--category",
      paramLabel = "C",
      split = ",",
      description = "Only rules of these categories (iam, tamper, cis, ...).")
  List<String> categories = new ArrayList<>();

  CatalogRules.Selection selection() {
    return new CatalogRules.Selection(rules, excludes, categories);
  }

  List<String> excludes() {
    return excludes;
  }

  /** Whether --rule or --category narrows the catalog (--exclude alone does not). */
  boolean narrowed() {
    return !rules.isEmpty() || !categories.isEmpty();
  }
}
