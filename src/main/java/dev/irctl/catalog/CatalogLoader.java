package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.UserException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads rule files into a {@link Catalog}: JSON syntax, schema, id = file name, unique ids. It
 * reports every broken file at once (one usage error, exit 2) rather than stopping at the first, so
 * a rule author fixes them in one pass.
 */
public final class CatalogLoader {
  /** Enough to fix a batch without burying the first problems. */
  private static final int MAX_PROBLEMS_SHOWN = 20;

  public Catalog load(CatalogSources sources) {
    List<RuleFile> files = new ArrayList<>();
    if (sources.bundled()) {
      files.addAll(BundledRules.files());
    }
    for (Path directory : sources.directories()) {
      files.addAll(DirectoryRules.files(directory));
    }
    List<String> problems = new ArrayList<>();
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (RuleFile file : files) {
      try {
        Rule rule = read(file);
        Rule earlier = byId.putIfAbsent(rule.id(), rule);
        if (earlier != null) {
          problems.add(
              "duplicate rule id "
                  + rule.id()
                  + ": defined in "
                  + earlier.file()
                  + " and in "
                  + file.name()
                  + "; rename one of them.");
        }
      } catch (RuleFileException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw UserException.usage(summary(problems));
    }
    List<Rule> rules = new ArrayList<>(byId.values());
    rules.sort(Comparator.comparing(Rule::id));
    return new Catalog(rules, sources.bundled() ? BundledRules.version() : Catalog.NO_VERSION);
  }

  private static Rule read(RuleFile file) {
    JsonNode document = RuleFileParser.parse(file);
    List<String> schemaProblems = RuleSchema.instance().validate(document);
    if (!schemaProblems.isEmpty()) {
      throw new RuleFileException(
          file.name()
              + " does not match the rule schema:\n    "
              + String.join("\n    ", schemaProblems));
    }
    String id = document.path("id").asText();
    if (!id.equals(file.expectedId())) {
      throw new RuleFileException(
          file.name()
              + ": id is \""
              + id
              + "\" but the file is named "
              + file.fileName()
              + "; name the file "
              + id
              + ".json or set id to \""
              + file.expectedId()
              + "\".");
    }
    return RuleReader.read(document, file.name());
  }

  private static String summary(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder message = new StringBuilder(problems.size() + " problems in the rule catalog:");
    problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> message.append("\n  ").append(p));
    if (problems.size() > MAX_PROBLEMS_SHOWN) {
      message.append("\n  ... and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more");
    }
    return message.toString();
  }
}
