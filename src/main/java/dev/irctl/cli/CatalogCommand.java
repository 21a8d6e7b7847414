package dev.irctl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * What every offline {@code rules} subcommand has: the catalog flags and the command line's writers
 * (stdout for data, stderr for summaries). Each subclass declares its own output mixin: {@code
 * rules test} prints colour and takes {@link OutputOptions}, the rest take {@link FormatOptions}
 * only, so none accepts a flag it ignores. Picocli reads the inherited fields after the subclass's
 * own, so the help lists them where it did.
 */
abstract class CatalogCommand implements Callable<Integer> {
  @Mixin CatalogOptions catalogOptions;
  @Spec CommandLine.Model.CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }
}
