package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI examples install irctl from irctl's release (not the user's repository), check the
 * release's SHA256SUMS, and pin every action by commit.
 */
class ExampleWorkflowsInstallTest {
  private static final Pattern USES = Pattern.compile("uses:\\s*([^\\s#]+)");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "examples/github-actions/irctl-drift.yml",
        "examples/gitlab/.gitlab-ci.yml",
        "docs/ci.md"
      })
  void irctlComesFromItsOwnReleaseCheckedAgainstSha256Sums(String file) throws Exception {
    String text = Files.readString(Path.of(file));

    assertThat(text).doesNotContain("github.repository").doesNotContain("CI_PROJECT_PATH");
    if (text.contains("releases/download")) {
      assertThat(text).contains("IRCTL_REPOSITORY").contains("sha256sum --check");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/github-actions/irctl-drift.yml", "docs/ci.md"})
  void everyActionIsPinnedByCommit(String file) throws Exception {
    Matcher uses = USES.matcher(Files.readString(Path.of(file)));
    int count = 0;
    while (uses.find()) {
      count++;
      assertThat(uses.group(1)).as(file).matches("[\\w.-]+/[\\w.-]+@[0-9a-f]{40}");
    }
    if (file.endsWith(".yml")) {
      assertThat(count).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"examples/gitlab/.gitlab-ci.yml"})
  void everyVariableTheGitlabJobUsesIsDefined(String file) throws Exception {
    String text = Files.readString(Path.of(file));

    assertThat(text).containsPattern("(?m)^  IRCTL_JAR_URL: \\S+");
    assertThat(text).containsPattern("(?m)^  IRCTL_RELEASE_URL: \\S+");
  }
}
