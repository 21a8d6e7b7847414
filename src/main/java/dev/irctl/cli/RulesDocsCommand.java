package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.render.RulesMarkdown;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "docs",
    description = {
      "Print the rules table in Markdown: docs/rules.md.",
      "",
      "Columns: id, severity, scope, what it catches, prerequisites. Generated so the docs cannot drift from the catalog.",
      ""
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl rules docs > docs/rules.md",
      "  irctl rules docs --catalog ./my-rules --no-bundled > my-rules.md"
    })
final class RulesDocsCommand implements Callable<Integer> {
  @Mixin CatalogOptions catalogOptions;
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(RulesMarkdown.generate(catalogOptions.load()));
    spec.commandLine().getOut().flush();
    return ExitCode.OK;
  }
}
