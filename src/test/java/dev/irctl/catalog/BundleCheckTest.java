package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.UserException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled catalog is schema-checked by the build, and runs skip the check only while the bundle
 * is the one that was checked; a user's files are always checked.
 */
class BundleCheckTest {
  @TempDir Path dir;

  @Test
  void theBuildRecordedTheBundleItChecked() {
    assertThat(BundledRules.checkedAtBuild(BundledRules.files())).isTrue();
  }

  @Test
  void bundleCheckWritesTheFingerprintRunsLookFor() throws IOException {
    BundleCheck.main(new String[] {dir.toString()});

    String written = Files.readString(dir.resolve(BundledRules.CHECKED)).strip();
    assertThat(written).isEqualTo(BundledRules.fingerprint(BundledRules.files()));
    assertThat(written).startsWith(BundledRules.files().size() + " ");
  }

  @Test
  void aChangedByteARenamedAddedOrMissingFileIsNotTheCheckedBundle() {
    List<RuleFile> files = BundledRules.files();
    RuleFile first = files.get(0);
    byte[] changed = first.content().clone();
    changed[changed.length / 2] ^= 1;

    assertThat(
            BundledRules.checkedAtBuild(
                replaceFirst(files, new RuleFile(first.name(), first.fileName(), changed))))
        .isFalse();
    assertThat(
            BundledRules.checkedAtBuild(
                replaceFirst(files, new RuleFile(first.name(), "other.json", first.content()))))
        .isFalse();
    assertThat(BundledRules.checkedAtBuild(files.subList(1, files.size()))).isFalse();
    List<RuleFile> more = new ArrayList<>(files);
    more.add(first);
    assertThat(BundledRules.checkedAtBuild(more)).isFalse();
  }

  @Test
  void filesNotCheckedAtBuildAreSchemaChecked() {
    RuleFile bad =
        new RuleFile(
            "rules/bad.json",
            "bad.json",
            TestRules.rule("bad")
                .set("severity", "\"urgent\"")
                .json()
                .getBytes(StandardCharsets.UTF_8));
    List<RuleFile> files = new ArrayList<>(BundledRules.files());
    files.add(bad);

    assertThatThrownBy(() -> CatalogLoader.read(files, files.size() - 1))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("rules/bad.json does not match the rule schema")
        .hasMessageContaining("at /severity");
  }

  @Test
  void aUserCatalogBesideTheCheckedBundleIsSchemaChecked() throws IOException {
    Files.writeString(
        dir.resolve("bad.json"), TestRules.rule("bad").set("severity", "\"urgent\"").json());

    assertThatThrownBy(() -> Catalog.load(new CatalogSources(true, List.of(dir))))
        .hasMessageContaining("bad.json does not match the rule schema")
        .hasMessageContaining("at /severity");
  }

  @Test
  void theCheckedBundleLoadsTheSameRulesAsAFullCheck() {
    List<RuleFile> files = BundledRules.files();

    assertThat(CatalogLoader.read(files, files.size()))
        .usingRecursiveFieldByFieldElementComparator()
        .isEqualTo(CatalogLoader.read(files, 0));
  }

  private static List<RuleFile> replaceFirst(List<RuleFile> files, RuleFile first) {
    List<RuleFile> copy = new ArrayList<>(files);
    copy.set(0, first);
    return copy;
  }
}
