package dev.irctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is generated from the bundled catalog; this fails when a rule changes and the docs
 * were not regenerated. With -Dirctl.updateDocs=true it rewrites the file instead.
 */
class RulesDocsTest {
  private static final Path DOCS =
      Path.of(System.getProperty("irctl.repoRoot", ".")).resolve("docs/rules.md");

  @Test
  void committedRulesTableMatchesTheCatalog() throws IOException {
    String generated = RulesMarkdown.generate(Catalog.load(CatalogSources.bundledOnly()));
    if (Boolean.getBoolean("irctl.updateDocs")) {
      Files.writeString(DOCS, generated);
    }
    String committed = Files.exists(DOCS) ? Files.readString(DOCS) : "";

    assertThat(committed)
        .as(
            "docs/rules.md is out of date with the catalog in rules/. Regenerate it with"
                + " ./mvnw -q verify -Dirctl.updateDocs=true (or: ./irctl rules docs > docs/rules.md)")
        .isEqualTo(generated);
  }
}
