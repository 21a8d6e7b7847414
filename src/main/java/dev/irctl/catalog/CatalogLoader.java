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
    List<Parsed> parsed = new ArrayList<>();
    if (sources.bundled()) {
      parsed.addAll(BundledCatalog.parsed());
    }
    List<RuleFile> files = new ArrayList<>();
    for (Path directory : sources.directories()) {
      files.addAll(DirectoryRules.files(directory));
    }
    parsed.addAll(parse(files, 0));
    List<Rule> rules = assemble(parsed);
    return new Catalog(rules, sources.bundled() ? BundledRules.version() : Catalog.NO_VERSION);
  }

  /** The bundled rule files, parsed: schema-checked unless the build checked these very bytes. */
  static List<Parsed> parseBundled() {
    List<RuleFile> bundled = BundledRules.files();
    return parse(bundled, BundledRules.checkedAtBuild(bundled) ? bundled.size() : 0);
  }

  /** One rule file read: its rule, or what is wrong with it. */
  record Parsed(RuleFile file, Rule rule, String problem) {}

  /**
   * The rules in {@code files}, sorted by id, or one usage error listing every broken file. The
   * first {@code checkedAtBuild} files passed the schema check when the jar was built and are
   * unchanged since ({@link BundledRules#checkedAtBuild}): compiling the schema costs more than the
   * rest of loading, so they skip it. Every other file, a user's above all, is checked in full.
   */
  static List<Rule> read(List<RuleFile> files, int checkedAtBuild) {
    return assemble(parse(files, checkedAtBuild));
  }

  private static List<Parsed> parse(List<RuleFile> files, int checkedAtBuild) {
    List<Parsed> parsed = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      RuleFile file = files.get(i);
      try {
        parsed.add(new Parsed(file, read(file, i >= checkedAtBuild), null));
      } catch (RuleFileException e) {
        parsed.add(new Parsed(file, null, e.getMessage()));
      }
    }
    return parsed;
  }

  /** The rules sorted by id, or one usage error listing every broken file and duplicate id. */
  private static List<Rule> assemble(List<Parsed> parsed) {
    List<String> problems = new ArrayList<>();
    Map<String, Rule> byId = new LinkedHashMap<>();
    for (Parsed file : parsed) {
      if (file.problem() != null) {
        problems.add(file.problem());
        continue;
      }
      Rule rule = file.rule();
      Rule earlier = byId.putIfAbsent(rule.id(), rule);
      if (earlier != null) {
        problems.add(
            "duplicate rule id "
                + rule.id()
                + ": defined in "
                + earlier.file()
                + " and in "
                + file.file().name()
                + "; rename one of them.");
      }
    }
    if (!problems.isEmpty()) {
      throw UserException.usage(summary(problems));
    }
    List<Rule> rules = new ArrayList<>(byId.values());
    rules.sort(Comparator.comparing(Rule::id));
    return rules;
  }

  private static Rule read(RuleFile file, boolean checkSchema) {
    JsonNode document = RuleFileParser.parse(file);
    List<String> schemaProblems =
        checkSchema ? RuleSchema.instance().validate(document) : List.of();
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
