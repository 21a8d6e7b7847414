package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CI examples call irctl as a user would copy them: every {@code ./irctl ...} command and every
 * {@code `irctl ...`} quoted in a comment must name a real command whose flags parse, so a renamed
 * flag breaks this test and not a user's pipeline at 3 a.m.
 */
class ExampleWorkflowsTest {
  /**
   * {@code ./irctl ARGS} up to a shell redirection, pipe, separator or comment; or {@code `irctl
   * ARGS`}.
   */
  private static final Pattern COMMAND =
      Pattern.compile(
          "(?:(?<![\\w/.-])\\./irctl((?:[ \\t]+[^\\s>|&;#`'\"]+)+))|(?:`irctl((?:[ \\t]+[^\\s`]+)+)`)");

  @ParameterizedTest
  @ValueSource(
      strings = {"examples/github-actions/irctl-drift.yml", "examples/gitlab/.gitlab-ci.yml"})
  void everyIrctlCommandInTheExampleExistsAndItsFlagsParse(String file) throws Exception {
    List<List<String>> commands = commands(Files.readString(Path.of(file)));

    assertThat(commands)
        .as("irctl commands in " + file)
        .extracting(c -> c.get(0))
        .contains("plan", "apply");
    for (List<String> args : commands) {
      CommandLine commandLine = IrctlCommand.commandLine(CliRun.noAws());
      CommandLine.ParseResult parsed = commandLine.parseArgs(args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand())
          .as("'irctl %s' names a command", String.join(" ", args))
          .isTrue();
      CliRun help = CliRun.run(CliRun.noAws(), args.get(0), "--help");
      assertThat(help.exitCode()).as("irctl %s --help", args.get(0)).isZero();
      assertThat(help.out()).startsWith("Usage: irctl " + args.get(0));
    }
  }

  @Test
  void thePlanStepUsesTheDetailedExitCodeAndWritesTheJsonArtefact() throws Exception {
    List<List<String>> commands =
        commands(Files.readString(Path.of("examples/github-actions/irctl-drift.yml")));

    assertThat(commands)
        .contains(
            List.of(
                "plan",
                "--detailed-exitcode",
                "--no-color",
                "--out",
                "plan.tfplan.json",
                "--output-file",
                "plan.json"));
    assertThat(commands)
        .as("CI applies exactly the reviewed plan, without a terminal")
        .contains(
            List.of(
                "apply",
                "plan.tfplan.json",
                "--auto-approve",
                "--no-color",
                "--output-file",
                "apply.json"));
    assertThat(commands).contains(List.of("print-policy", "--read-only"));
  }

  @Test
  void theExtractorFindsCommandsAndIgnoresTheLauncherScript() {
    String yaml =
        """
        run: printf 'exec java -jar "%s/irctl.jar"' > irctl && chmod +x irctl
        run: ./irctl plan --region us-east-1 > plan.txt
        # see `irctl print-policy --read-only`
        name: irctl drift
        script:
          - ./irctl apply --no-color
          - ./irctl status
        """;

    assertThat(commands(yaml))
        .containsExactly(
            List.of("plan", "--region", "us-east-1"),
            List.of("print-policy", "--read-only"),
            List.of("apply", "--no-color"),
            List.of("status"));
  }

  static List<List<String>> commands(String text) {
    List<List<String>> commands = new ArrayList<>();
    Matcher matcher = COMMAND.matcher(text);
    while (matcher.find()) {
      String args = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      commands.add(Arrays.asList(args.trim().split("\\s+")));
    }
    return commands;
  }
}
