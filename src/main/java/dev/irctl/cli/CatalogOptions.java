package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Which rules a command works on: the bundled catalog, the user's own directories, or both. */
public final class CatalogOptions {
  @Option(
      names = "--catalog",
      paramLabel = "DIR",
      description =
          "Also load the rule files (*.json) in DIR; repeatable. A rule id may be defined only once.")
  List<Path> directories = new ArrayList<>();

  @Option(
      names = "--no-bundled",
      description = "Leave out the catalog bundled with irctl (use with --catalog).")
  boolean noBundled;

  public CatalogSources sources() {
    if (noBundled && directories.isEmpty()) {
      throw UserException.usage(
          "--no-bundled leaves no rules: add --catalog DIR with your own rule files.");
    }
    return new CatalogSources(!noBundled, directories);
  }

  /**
   * Loads the rules and runs every check of {@code rules validate} (schema, event-ruler compile,
   * pattern size, scope, examples) before the command makes its first AWS call: any error is a
   * usage error (exit 2) naming the file and what to fix.
   */
  public Catalog load() {
    return Catalog.loadValidated(sources());
  }

  /**
   * Loads and schema-checks the rules only: for offline commands that make no AWS call and either
   * report the other problems themselves ({@code rules validate}) or must stay fast ({@code rules
   * test}, {@code rules match}; event-ruler still rejects a pattern it cannot compile).
   */
  public Catalog loadSchemaChecked() {
    return Catalog.load(sources());
  }
}
