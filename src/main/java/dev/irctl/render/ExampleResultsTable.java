package dev.irctl.render;

import dev.irctl.catalog.ExampleResult;
import dev.irctl.catalog.Rule;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/**
 * {@code rules test} for a person: one row per rule, then each failed example with its reason, then
 * a count.
 */
public final class ExampleResultsTable {
  private final List<Rule> rules;
  private final List<ExampleResult> results;

  public ExampleResultsTable(List<Rule> rules, List<ExampleResult> results) {
    this.rules = rules;
    this.results = results;
  }

  public void print(PrintWriter out, boolean color) {
    Ansi ansi = color ? Ansi.ON : Ansi.OFF;
    TextTable table = new TextTable("RULE", "MATCH", "NO-MATCH", "RESULT");
    for (Rule rule : rules) {
      List<ExampleResult> mine =
          results.stream().filter(r -> r.ruleId().equals(rule.id())).toList();
      boolean passed = mine.stream().allMatch(ExampleResult::passed);
      table.row(
          rule.id(),
          score(mine, ExampleResult.Kind.MATCH),
          score(mine, ExampleResult.Kind.NO_MATCH),
          passed ? "pass" : "FAIL");
    }
    table.print(out);
    List<ExampleResult> failures = results.stream().filter(r -> !r.passed()).toList();
    if (!failures.isEmpty()) {
      out.println();
      for (ExampleResult failure : failures) {
        out.println(
            ansi.string("@|bold,red FAIL|@ ")
                + failure.ruleId()
                + " "
                + failure.kind().id()
                + " example "
                + failure.index()
                + " ("
                + failure.label()
                + "): "
                + failure.reason().orElse("")
                + (failure.fired().isEmpty()
                    ? ""
                    : "; fired: " + String.join(", ", failure.fired())));
      }
    }
    out.println();
    out.println(
        results.size()
            + " examples of "
            + rules.size()
            + " rules: "
            + (results.size() - failures.size())
            + " passed, "
            + failures.size()
            + " failed");
    out.flush();
  }

  private static String score(List<ExampleResult> results, ExampleResult.Kind kind) {
    List<ExampleResult> ofKind = results.stream().filter(r -> r.kind() == kind).toList();
    return ofKind.stream().filter(ExampleResult::passed).count() + "/" + ofKind.size();
  }
}
