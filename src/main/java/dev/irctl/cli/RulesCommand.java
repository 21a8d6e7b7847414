package dev.irctl.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/**
 * {@code irctl rules}: the offline commands over the rule catalog. None of them needs credentials.
 */
@Command(
    mixinStandardHelpOptions = true,
    usageHelpAutoWidth = true,
    name = "rules",
    description = {
      "Inspect, check and try out the rule catalog offline (no AWS credentials needed).",
      "",
      "The bundled catalog comes from rules/ in the irctl repository; add your own with --catalog DIR.",
      ""
    },
    synopsisSubcommandLabel = "COMMAND",
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl rules list",
      "  irctl rules show s3-honey-bucket-access --set bucketNames=corp-honey",
      "  irctl rules test --catalog ./my-rules",
      "  irctl rules match cloudtrail-export.json"
    })
public final class RulesCommand implements Runnable {
  /**
   * In the order help lists them. Not in the annotation, for the reason {@link IrctlCommand} gives:
   * {@code rules match} and {@code rules test} are run in loops and on large inputs, where
   * reflecting over the other five commands is a noticeable part of the run.
   */
  static final java.util.List<Class<?>> SUBCOMMANDS =
      java.util.List.of(
          RulesListCommand.class,
          RulesShowCommand.class,
          RulesValidateCommand.class,
          RulesTestCommand.class,
          RulesMatchCommand.class,
          RulesDocsCommand.class,
          RulesDiffCommand.class);

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
