package dev.irctl.cli;

import dev.irctl.engine.rules.CatalogRules;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the rule selection left out, on stderr: one warning line per rule left out for a missing
 * parameter (always), and with {@code -v} the {@code --set} values no selected rule takes.
 */
final class SelectionNotes {
  private final CommandSpec spec;

  SelectionNotes(CommandSpec spec) {
    this.spec = spec;
  }

  void print(CatalogRules.Resolved resolved) {
    CommandLine commandLine = spec == null ? null : spec.commandLine();
    if (commandLine == null) {
      return;
    }
    PrintWriter err = commandLine.getErr();
    for (CatalogRules.LeftOut leftOut : resolved.leftOut()) {
      String name = leftOut.parameter().name();
      err.println(
          "warning: left out rule "
              + leftOut.ruleId()
              + ": it needs parameter "
              + name
              + " (--set "
              + name
              + "=VALUE or rules.parameters."
              + name
              + " in irctl.yaml).");
    }
    if (verbose(commandLine) && !resolved.unusedSettings().isEmpty()) {
      err.println(
          "note: no selected rule takes "
              + String.join(", ", resolved.unusedSettings())
              + "; the value is not used in this run.");
    }
    err.flush();
  }

  private static boolean verbose(CommandLine commandLine) {
    OptionSpec option = commandLine.getCommandSpec().findOption("-v");
    if (option == null) {
      return false;
    }
    Object value = option.getValue();
    return value instanceof boolean[] flags && flags.length > 0;
  }
}
