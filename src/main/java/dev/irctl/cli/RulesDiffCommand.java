package dev.irctl.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogDiff;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.render.JsonOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "diff",
    description = {
      "Show which rules change when you upgrade from another catalog: added, removed (apply-rules"
          + " --prune deletes them), or changed in pattern, state, scope, severity, parameters or"
          + " text. Offline: compares rule files, not what is deployed (irctl plan does that).",
      "The old catalog is a directory of rule files, e.g. the rules/ of the irctl release you run"
          + " today (git show v2026.11.0:rules, or the release archive)."
    },
    sortOptions = false,
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl rules diff --from ./irctl-2026.11.0/rules",
      "  irctl rules diff --from ./old-rules --catalog ./my-rules --output json"
    })
final class RulesDiffCommand extends CatalogCommand {
  @Option(
      names = "--from",
      paramLabel = "DIR",
      required = true,
      description = "The catalog you upgrade from: a directory of rule files (*.json).")
  Path from;

  @Mixin FormatOptions output;

  @Override
  public Integer call() {
    if (!Files.isDirectory(from)) {
      throw UserException.usage("--from " + from + ": not a directory of rule files.");
    }
    Catalog old = Catalog.load(CatalogSources.directoriesOnly(from));
    Catalog current = catalogOptions.load();
    List<CatalogDiff.Entry> entries = CatalogDiff.between(old, current);
    int unchanged = CatalogDiff.unchanged(old, current, entries);
    String fromVersion = versionIn(from);
    PrintWriter out = out();
    if (output.json()) {
      ObjectNode document = JsonOutput.object();
      document.put("from", fromVersion);
      document.put("to", current.version());
      document.put("unchanged", unchanged);
      ArrayNode rules = document.putArray("rules");
      for (CatalogDiff.Entry entry : entries) {
        ObjectNode rule = rules.addObject();
        rule.put("id", entry.ruleId());
        rule.put("change", entry.kind().name().toLowerCase(java.util.Locale.ROOT));
        ArrayNode fields = rule.putArray("fields");
        entry.fields().forEach(fields::add);
      }
      JsonOutput.print(out, document);
      return ExitCode.OK;
    }
    out.println("catalog " + fromVersion + " -> " + current.version());
    for (CatalogDiff.Entry entry : entries) {
      switch (entry.kind()) {
        case ADDED ->
            out.println(
                "+ "
                    + entry.ruleId()
                    + "  added ("
                    + entry.rule().severity().id()
                    + ", "
                    + entry.rule().scope().id()
                    + ")");
        case REMOVED ->
            out.println("- " + entry.ruleId() + "  removed (apply-rules --prune deletes it)");
        case CHANGED ->
            out.println("~ " + entry.ruleId() + "  " + String.join(", ", entry.fields()));
      }
    }
    out.println(unchanged + " rule(s) unchanged");
    out.flush();
    return ExitCode.OK;
  }

  /** The VERSION file next to the old rules, or the directory name. */
  private static String versionIn(Path directory) {
    Path file = directory.resolve("VERSION");
    try {
      if (Files.isRegularFile(file)) {
        return Files.readString(file).strip();
      }
    } catch (IOException e) {
      // fall through to the name
    }
    return directory.toString();
  }
}
