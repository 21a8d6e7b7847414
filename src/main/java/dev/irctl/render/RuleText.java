package dev.irctl.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import java.io.PrintWriter;

/**
 * One rule for a person to read ({@code rules show}): the facts, then the rendered event pattern.
 */
public final class RuleText {
  private RuleText() {}

  public static void print(PrintWriter out, Rule rule, JsonNode renderedPattern) {
    out.println(rule.id() + ": " + rule.title());
    out.println();
    field(out, "severity", rule.severity().id());
    field(out, "category", rule.category());
    field(out, "scope", RulesMarkdown.scope(rule) + " (" + rule.scopeNote() + ")");
    field(
        out,
        "events",
        "management events: "
            + rule.managementEvents().id()
            + ", rule state "
            + rule.managementEvents().ruleState());
    field(out, "deployed as", rule.eventBridgeName());
    field(out, "file", rule.file());
    out.println();
    out.println("What it catches: " + rule.description());
    out.println("Why it matters:  " + rule.rationale());
    if (!rule.parameters().isEmpty()) {
      out.println();
      out.println("Parameters (--set name=value, lists comma-separated):");
      for (RuleParameter p : rule.parameters()) {
        String status =
            p.defaultValue()
                .map(d -> "default " + String.join(",", d))
                .orElse(p.required() ? "required" : "optional");
        out.println(
            "  "
                + p.name()
                + " ("
                + p.type().id()
                + ", "
                + status
                + "): "
                + p.description()
                + "; example: "
                + p.exampleText());
      }
    }
    list(out, "Prerequisites:", rule.prerequisites());
    list(out, "References:", rule.references());
    out.println();
    out.println("Event pattern:");
    out.println(JsonOutput.pretty(renderedPattern));
    out.flush();
  }

  private static void field(PrintWriter out, String name, String value) {
    out.printf("%-12s %s%n", name + ":", value);
  }

  private static void list(PrintWriter out, String heading, java.util.List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    out.println();
    out.println(heading);
    items.forEach(item -> out.println("  - " + item));
  }
}
