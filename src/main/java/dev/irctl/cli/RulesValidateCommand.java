package dev.irctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogValidator;
import dev.irctl.catalog.Finding;
import dev.irctl.render.JsonOutput;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "validate",
    description = {
      "Check the rule files beyond what a deploy would notice.",
      "",
      "JSON syntax, schema, id = file name, unique ids, placeholders, rendered pattern size (EventBridge: 2048"
          + " characters), event-ruler accepts the pattern, scope matches where the events arrive, managementEvents"
          + " matches the events, and examples are shaped like what EventBridge delivers.",
      ""
    },
    sortOptions = false,
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 valid (warnings allowed), 1 a semantic check failed, 2 a file is malformed or breaks the schema.",
      "",
      "Examples:",
      "  irctl rules validate",
      "  irctl rules validate --catalog ./my-rules --no-bundled --output json"
    })
final class RulesValidateCommand extends CatalogCommand {

  @Mixin FormatOptions output;

  @Override
  public Integer call() {
    Catalog catalog = catalogOptions.loadSchemaChecked();
    List<Finding> findings = new CatalogValidator().validate(catalog);
    long errors = findings.stream().filter(Finding::isError).count();
    long warnings = findings.size() - errors;
    PrintWriter out = out();
    if (output.json()) {
      ObjectNode document = JsonOutput.object();
      document.put("valid", errors == 0);
      document.put("rules", catalog.rules().size());
      document.put("errors", errors);
      document.put("warnings", warnings);
      ArrayNode array = document.putArray("findings");
      for (Finding finding : findings) {
        array
            .addObject()
            .put("level", finding.level().name().toLowerCase(Locale.ROOT))
            .put("rule", finding.ruleId())
            .put("file", finding.file())
            .put("message", finding.message());
      }
      JsonOutput.print(out, document);
    } else {
      for (Finding finding : findings) {
        out.println(
            (finding.isError() ? "error: " : "warning: ")
                + finding.file()
                + ": "
                + finding.message());
      }
      out.println(
          catalog.rules().size()
              + " rules checked: "
              + errors
              + " errors, "
              + warnings
              + " warnings");
      out.flush();
    }
    return errors == 0 ? ExitCode.OK : ExitCode.FAILURE;
  }
}
