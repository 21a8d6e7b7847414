package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README's quick start leads with init, plan, apply, and every command in it parses. */
class ReadmeQuickStartTest {
  @Test
  void theQuickStartIsInitPlanApplyAndEveryCommandParses() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String quickStart =
        readme.substring(readme.indexOf("## Quick start"), readme.indexOf("## Commands"));
    List<List<String>> commands =
        quickStart.lines().filter(l -> l.startsWith("./irctl ")).map(HelpTest::words).toList();

    assertThat(commands).extracting(c -> c.get(0)).startsWith("init", "plan", "apply");
    for (List<String> args : commands) {
      IrctlCommand.commandLine(CliRun.noAws()).parseArgs(args.toArray(String[]::new));
    }
  }
}
