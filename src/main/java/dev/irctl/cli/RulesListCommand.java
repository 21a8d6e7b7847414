package dev.irctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.Rule;
import dev.irctl.render.JsonOutput;
import dev.irctl.render.RuleJson;
import dev.irctl.render.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "list",
    description = "List the rules: id, severity, scope and title.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl rules list",
      "  irctl rules list --output json",
      "  irctl rules list --catalog ./my-rules --no-bundled"
    })
final class RulesListCommand extends CatalogCommand {

  @Mixin FormatOptions output;

  @Override
  public Integer call() {
    Catalog catalog = catalogOptions.load();
    if (output.json()) {
      ObjectNode document = JsonOutput.object();
      document.put("version", catalog.version());
      ArrayNode rules = document.putArray("rules");
      catalog.rules().forEach(rule -> rules.add(RuleJson.summary(rule)));
      JsonOutput.print(out(), document);
      return ExitCode.OK;
    }
    TextTable table = new TextTable("ID", "SEVERITY", "SCOPE", "TITLE");
    for (Rule rule : catalog.rules()) {
      table.row(rule.id(), rule.severity().id(), rule.scope().id(), rule.title());
    }
    table.print(out());
    err().println(catalog.rules().size() + " rules, catalog version " + catalog.version());
    err().flush();
    return ExitCode.OK;
  }
}
