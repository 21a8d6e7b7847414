package dev.irctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.ExampleResult;
import dev.irctl.catalog.ExampleTester;
import dev.irctl.catalog.Rule;
import dev.irctl.render.ExampleResultsTable;
import dev.irctl.render.JsonOutput;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "test",
    description = {
      "Run every rule's example events through event-ruler, EventBridge's matcher.",
      "",
      "Each match example must fire its rule and each noMatch example must not. Parameters take their example"
          + " values. Prints a pass/fail table.",
      ""
    },
    sortOptions = false,
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 every example behaved, 1 at least one failed, 2 a rule file is malformed.",
      "",
      "Examples:",
      "  irctl rules test",
      "  irctl rules test cis-root-account-usage --output json",
      "  irctl rules test --catalog ./my-rules --no-bundled"
    })
final class RulesTestCommand extends CatalogCommand {
  @Parameters(arity = "0..*", paramLabel = "ID", description = "Only these rules (default: all).")
  List<String> ids = new ArrayList<>();

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    Catalog catalog = catalogOptions.loadSchemaChecked();
    List<Rule> rules = ids.isEmpty() ? catalog.rules() : ids.stream().map(catalog::rule).toList();
    List<ExampleResult> results = new ExampleTester().run(rules);
    long failed = results.stream().filter(r -> !r.passed()).count();
    if (output.json()) {
      JsonOutput.print(out(), json(rules.size(), results, failed));
    } else {
      new ExampleResultsTable(rules, results).print(out(), output.color());
    }
    return failed == 0 ? ExitCode.OK : ExitCode.FAILURE;
  }

  private static ObjectNode json(int ruleCount, List<ExampleResult> results, long failed) {
    ObjectNode document = JsonOutput.object();
    document.put("passed", failed == 0);
    document.put("rules", ruleCount);
    document.put("examples", results.size());
    document.put("failed", failed);
    ArrayNode array = document.putArray("results");
    for (ExampleResult result : results) {
      ObjectNode node = array.addObject();
      node.put("rule", result.ruleId());
      node.put("kind", result.kind().id());
      node.put("index", result.index());
      node.put("event", result.label());
      node.put("passed", result.passed());
      ArrayNode fired = node.putArray("fired");
      result.fired().forEach(fired::add);
      result.reason().ifPresent(reason -> node.put("reason", reason));
    }
    return document;
  }
}
