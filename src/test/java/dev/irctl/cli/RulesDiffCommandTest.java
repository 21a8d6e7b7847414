package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesDiffCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path old;

  /** The repo's rules/ as an "older" catalog: one rule missing, one extra, one narrower. */
  private void olderCatalog() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      for (Path file : files.toList()) {
        Files.copy(file, old.resolve(file.getFileName()));
      }
    }
    Files.writeString(old.resolve("VERSION"), "2020.1.0\n");
    Files.delete(old.resolve("kms-key-tampering.json"));
    ObjectNode ct = (ObjectNode) JSON.readTree(old.resolve("cloudtrail-tampering.json").toFile());
    ((ObjectNode) ct.path("eventPattern").path("detail")).putArray("eventName").add("StopLogging");
    ct.put("severity", "medium");
    Files.writeString(old.resolve("cloudtrail-tampering.json"), ct.toPrettyString());
    ObjectNode gone = ct.deepCopy();
    gone.put("id", "retired-rule");
    Files.writeString(old.resolve("retired-rule.json"), gone.toPrettyString());
  }

  @Test
  void showsAddedRemovedAndChangedRules() throws Exception {
    olderCatalog();

    CliRun run = CliRun.run("rules", "diff", "--from", old.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("catalog 2020.1.0 -> ")
        .contains("+ kms-key-tampering  added (high, regional)")
        .contains("- retired-rule  removed (apply-rules --prune deletes it)")
        .contains("~ cloudtrail-tampering  eventPattern, severity (medium -> high)")
        .doesNotContain("guardduty-tampering");
    int total;
    try (Stream<Path> files = Files.list(Path.of("rules"))) {
      total = (int) files.filter(f -> f.toString().endsWith(".json")).count();
    }
    assertThat(run.out()).contains((total - 2) + " rule(s) unchanged");
  }

  @Test
  void jsonListsEachChange() throws Exception {
    olderCatalog();

    CliRun run = CliRun.run("rules", "diff", "--from", old.toString(), "--output", "json");

    JsonNode document = JSON.readTree(run.out());
    assertThat(document.path("from").asText()).isEqualTo("2020.1.0");
    assertThat(document.path("rules").findValuesAsText("change"))
        .containsExactlyInAnyOrder("changed", "added", "removed");
  }

  @Test
  void aMissingDirectoryIsAUsageError() {
    CliRun run = CliRun.run("rules", "diff", "--from", old.resolve("nope").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--from");
  }
}
