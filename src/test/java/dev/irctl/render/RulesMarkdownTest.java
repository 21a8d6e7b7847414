package dev.irctl.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.TestCatalogs;
import dev.irctl.catalog.TestRules;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesMarkdownTest {
  @Test
  void oneRowPerRuleSortedById() {
    String md = RulesMarkdown.generate(TestCatalogs.load("valid"));

    assertThat(md.lines().filter(l -> l.startsWith("| `")).toList())
        .hasSize(4)
        .first()
        .asString()
        .startsWith("| `guardduty-finding-medium-up` | medium | regional | Any GuardDuty finding");
    assertThat(md)
        .contains(
            "| `test-honey-bucket-access` | high | regional | Someone lists or reads a honey bucket. |"
                + " `--set bucketNames=...` (Honey buckets names)"
                    .replace("Honey buckets names", "Honey bucket names")
                + "<br>S3 data events for the bucket must be logged by a CloudTrail trail. |");
    assertThat(md)
        .contains(
            "| `root-account-usage` | critical | regional + us-east-1 | The root user signs in or calls an API (CIS 1.7 / 3.3). | none |");
  }

  @Test
  void escapesPipesAndLineBreaksInCells() {
    Catalog catalog =
        Catalog.of(
            List.of(
                TestRules.rule("pipes")
                    .set("description", "\"a | b\\nc\"")
                    .set("prerequisites", "[\"x | y\"]")
                    .build()),
            "1");

    assertThat(RulesMarkdown.generate(catalog)).contains("| a \\| b c | x \\| y |");
  }

  @Test
  void isDeterministic() {
    assertThat(RulesMarkdown.generate(TestCatalogs.load("valid")))
        .isEqualTo(RulesMarkdown.generate(TestCatalogs.load("valid")));
  }
}
