package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.fakes.FakePorts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every error in irctl.yaml names the file, the line and the key, and sends nothing to AWS. */
class ConfigErrorsTest {
  @TempDir Path dir;
  private final FakePorts aws = new FakePorts();

  private CliRun run(String yaml, String... command) throws Exception {
    Path file = dir.resolve("irctl.yaml");
    Files.writeString(file, yaml);
    String[] args = new String[command.length + 2];
    System.arraycopy(command, 0, args, 0, command.length);
    args[command.length] = "--config";
    args[command.length + 1] = file.toString();
    return CliRun.run(aws, args);
  }

  @Test
  void aValueOfTheWrongTypeNamesTheFileTheLineAndTheKey() throws Exception {
    CliRun run =
        run(
            """
            regions: [us-east-1]
            guardduty:
              findingFrequency: 15m
            """,
            "enable-guardduty");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(dir.resolve("irctl.yaml") + " line 3: guardduty.findingFrequency")
        .contains("15m")
        .contains("FIFTEEN_MINUTES");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aBadValueCheckedByTheCommandAlsoNamesTheKey() throws Exception {
    CliRun run = run("regions: [us-east-1]\nconcurrency: 500\n", "status");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(dir.resolve("irctl.yaml") + " line 2: concurrency")
        .contains("--concurrency must be between 1 and 64");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aFlagTheUserTypedIsReportedAsTheFlag() throws Exception {
    CliRun run =
        run(
            "guardduty:\n  findingFrequency: ONE_HOUR\n",
            "enable-guardduty",
            "--region",
            "us-east-1",
            "--finding-frequency",
            "15m");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--finding-frequency").doesNotContain("line 2");
  }

  @Test
  void aTabIsReportedAtItsLineWithoutAParserDump() throws Exception {
    CliRun run =
        run("regions: [us-east-1]\nrules:\n  topicName: a\n\tprune: true\n", "apply-rules");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(dir.resolve("irctl.yaml") + " line 4")
        .contains("tab")
        .doesNotContain("snakeyaml")
        .doesNotContain("org.yaml")
        .doesNotContain("^");
    assertThat(run.err().lines().count()).isLessThanOrEqualTo(2);
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aDuplicateKeyIsAnErrorNamingTheFileTheLineAndTheKey() throws Exception {
    CliRun run =
        run("regions: [us-east-1]\nrules:\n  topicName: a\n  topicName: b\n", "apply-rules");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains(dir.resolve("irctl.yaml") + " line 4")
        .contains("rules.topicName")
        .contains("more than once");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aDuplicateSectionIsAnErrorToo() throws Exception {
    CliRun run =
        run(
            "guardduty:\n  findingFrequency: ONE_HOUR\nguardduty:\n  findingFrequency: SIX_HOURS\n",
            "enable-guardduty",
            "--region",
            "us-east-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains(" line 3").contains("guardduty").contains("more than once");
  }
}
