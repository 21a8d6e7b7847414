package dev.irctl.catalog;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small catalogs under src/test/resources/catalogs/. */
public final class TestCatalogs {
  private TestCatalogs() {}

  public static Path path(String name) {
    try {
      return Path.of(TestCatalogs.class.getResource("/catalogs/" + name).toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("no test catalog " + name, e);
    }
  }

  public static Catalog load(String name) {
    return Catalog.load(CatalogSources.directoriesOnly(path(name)));
  }
}
