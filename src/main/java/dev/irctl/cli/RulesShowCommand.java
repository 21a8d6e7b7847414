package dev.irctl.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.catalog.PatternRenderer;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import dev.irctl.render.JsonOutput;
import dev.irctl.render.RuleJson;
import dev.irctl.render.RuleText;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "show",
    description = "Show one rule with its event pattern rendered with your --set values.",
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl rules show cis-root-account-usage",
      "  irctl rules show s3-honey-bucket-access --set bucketNames=a-honey,b-honey",
      "  irctl rules show s3-honey-bucket-access --use-examples --output json"
    })
final class RulesShowCommand extends CatalogCommand {
  @Parameters(paramLabel = "ID", description = "The rule id (see irctl rules list).")
  String id;

  @Mixin ParameterOptions parameters;

  @Option(
      names = "--use-examples",
      description = "Fill parameters you did not --set with their example values.")
  boolean useExamples;

  @Mixin FormatOptions output;

  @Override
  public Integer call() {
    Rule rule = catalogOptions.load().rule(id);
    Map<String, String> settings = parameters.settings();
    PatternRenderer.rejectUnknown(List.of(rule), settings);
    ObjectNode pattern =
        new PatternRenderer().render(rule, useExamples ? withExamples(rule, settings) : settings);
    if (output.json()) {
      JsonOutput.print(out(), RuleJson.full(rule, pattern));
    } else {
      RuleText.print(out(), rule, pattern);
    }
    return ExitCode.OK;
  }

  private static Map<String, String> withExamples(Rule rule, Map<String, String> settings) {
    Map<String, String> merged = new HashMap<>(settings);
    for (RuleParameter parameter : rule.parameters()) {
      merged.putIfAbsent(parameter.name(), parameter.exampleText());
    }
    return merged;
  }
}
