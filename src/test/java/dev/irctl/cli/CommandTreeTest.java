package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only the command it invokes; what the user sees is the same as the whole tree's. */
class CommandTreeTest {
  private static String rootHelp(CommandLine commandLine) {
    StringWriter out = new StringWriter();
    commandLine.usage(new PrintWriter(out, true), CommandLine.Help.Ansi.OFF);
    return out.toString();
  }

  @Test
  void rootHelpIsTheWholeTreesHelp() {
    String whole = rootHelp(IrctlCommand.commandLine(CliRun.noAws()));

    assertThat(rootHelp(IrctlCommand.commandLine(CliRun.noAws(), "--help")))
        .isEqualTo(whole)
        .contains("enable-guardduty")
        .contains("generate-completion");
  }

  @Test
  void aRunBuildsOnlyTheInvokedCommand() {
    CommandLine commandLine =
        IrctlCommand.commandLine(CliRun.noAws(), "enable-guardduty", "--region=eu-west-1");

    assertThat(commandLine.getSubcommands().get("enable-guardduty").getCommandSpec().userObject())
        .isInstanceOf(EnableGuardDutyCommand.class);
    assertThat(commandLine.getSubcommands().get("apply-rules").getCommandSpec().options())
        .isEmpty();
  }

  @Test
  void helpOnACommandBuildsTheWholeTree() {
    CommandLine commandLine = IrctlCommand.commandLine(CliRun.noAws(), "help", "apply-rules");

    assertThat(commandLine.getSubcommands().get("apply-rules").getCommandSpec().userObject())
        .isInstanceOf(ApplyRulesCommand.class);
  }

  @Test
  void aRulesRunBuildsOnlyTheInvokedRulesCommand() {
    CommandLine rules =
        IrctlCommand.commandLine(CliRun.noAws(), "rules", "match", "events.json")
            .getSubcommands()
            .get("rules");

    assertThat(rules.getSubcommands().get("match").getCommandSpec().userObject())
        .isInstanceOf(RulesMatchCommand.class);
    assertThat(rules.getSubcommands().get("test").getCommandSpec().options()).isEmpty();
    assertThat(rules.getSubcommands().keySet())
        .containsExactly("list", "show", "validate", "test", "match", "docs", "diff");
  }

  @Test
  void rulesHelpIsTheWholeTreesRulesHelp() {
    CommandLine whole = IrctlCommand.commandLine(CliRun.noAws()).getSubcommands().get("rules");

    for (String[] args : new String[][] {{"rules", "--help"}, {"rules"}, {"rules", "match"}}) {
      CommandLine built =
          IrctlCommand.commandLine(CliRun.noAws(), args).getSubcommands().get("rules");
      assertThat(rootHelp(built)).isEqualTo(rootHelp(whole)).contains("match").contains("test");
    }
  }
}
