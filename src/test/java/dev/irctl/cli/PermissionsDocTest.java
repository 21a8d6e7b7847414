package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/permissions.md shows print-policy's real output: each marked block must match a fresh run.
 * Run with {@code -Dirctl.updateDocs=true} to rewrite the blocks after a deliberate change.
 */
class PermissionsDocTest {
  private static final Pattern BLOCK =
      Pattern.compile("<!-- irctl (.+?) -->\n```json\n(.*?)```", Pattern.DOTALL);

  @Test
  void everyGeneratedBlockMatchesTheCommandsOutput() throws Exception {
    Path file = Path.of("docs/permissions.md");
    String doc = Files.readString(file);
    if (Boolean.getBoolean("irctl.updateDocs")) {
      doc = regenerate(doc);
      Files.writeString(file, doc);
    }
    Matcher block = BLOCK.matcher(doc);
    int blocks = 0;
    while (block.find()) {
      blocks++;
      String[] args = block.group(1).split(" ");
      CliRun run = CliRun.run(CliRun.noAws(), args);
      assertThat(block.group(2))
          .as(
              "docs/permissions.md block for 'irctl %s' is stale: paste the command's output",
              block.group(1))
          .isEqualTo(run.out());
    }
    assertThat(blocks).isEqualTo(3);
  }

  private static String regenerate(String doc) {
    Matcher block = BLOCK.matcher(doc);
    StringBuilder out = new StringBuilder();
    while (block.find()) {
      String output = CliRun.run(CliRun.noAws(), block.group(1).split(" ")).out();
      block.appendReplacement(
          out,
          Matcher.quoteReplacement(
              "<!-- irctl " + block.group(1) + " -->\n```json\n" + output + "```"));
    }
    block.appendTail(out);
    return out.toString();
  }
}
