package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IrctlCommandTest {
  @Test
  void versionNamesTheTool() {
    CliRun run = CliRun.run(CliRun.noAws(), "--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("irctl ");
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    CommandLine root = IrctlCommand.commandLine(CliRun.noAws());
    for (var entry : root.getSubcommands().entrySet()) {
      if (entry.getKey().equals("help") || entry.getKey().equals("generate-completion")) {
        continue;
      }
      CliRun run = CliRun.run(CliRun.noAws(), entry.getKey(), "--help");
      assertThat(run.exitCode()).as(entry.getKey()).isZero();
      assertThat(run.out())
          .as(entry.getKey() + " --help")
          .contains("Examples:")
          .contains("irctl " + entry.getKey());
    }
  }

  @Test
  void generateCompletionPrintsABashScript() {
    CliRun run = CliRun.run(CliRun.noAws(), "generate-completion");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("complete -F").contains("enable-guardduty");
  }

  @Test
  void anUnknownFlagIsAUsageErrorWithAPointerToHelp() {
    CliRun run = CliRun.run(CliRun.noAws(), "enable-guardduty", "--regoin", "us-east-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("'--regoin'")
        .contains("Possible solutions: --region")
        .contains("irctl enable-guardduty --help");
  }

  @Test
  void aBadEndpointUrlIsAUsageErrorBeforeAnyCall() {
    CliRun run =
        CliRun.run(
            CliRun.noAws(),
            "enable-guardduty",
            "--region",
            "us-east-1",
            "--endpoint-url",
            "localhost:4566");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--endpoint-url localhost:4566 is not a valid URL");
  }

  @Test
  void concurrencyOutOfRangeIsAUsageError() {
    CliRun run =
        CliRun.run(
            CliRun.noAws(), "enable-guardduty", "--region", "us-east-1", "--concurrency", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--concurrency must be between 1 and 64");
  }

  @Test
  void theEndpointOverrideAndProfileReachTheSession() {
    var aws = new dev.irctl.fakes.FakePorts();

    CliRun.run(
        aws,
        "enable-guardduty",
        "--auto-approve",
        "--region",
        "us-east-1",
        "--endpoint-url",
        "http://localhost:4566",
        "--profile",
        "ir",
        "--dry-run");

    assertThat(aws.lastSession().endpoint())
        .hasValueSatisfying(u -> assertThat(u.toString()).isEqualTo("http://localhost:4566"));
    assertThat(aws.lastSession().profile()).contains("ir");
  }
}
