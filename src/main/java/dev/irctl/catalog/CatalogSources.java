package dev.irctl.catalog;

import java.nio.file.Path;
import java.util.List;

/**
 * Where to read rules from: the catalog bundled in the jar and/or directories of the user's own
 * rule files.
 */
public record CatalogSources(boolean bundled, List<Path> directories) {
  public CatalogSources {
    directories = List.copyOf(directories);
  }

  public static CatalogSources bundledOnly() {
    return new CatalogSources(true, List.of());
  }

  public static CatalogSources directoriesOnly(Path... directories) {
    return new CatalogSources(false, List.of(directories));
  }
}
