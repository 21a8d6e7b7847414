package dev.irctl.cli;

import picocli.CommandLine.Command;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write what irctl deploys as files, for teams that deploy with their own pipeline.",
    subcommands = {ExportCloudFormationCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {"  irctl export cloudformation --security-account $ID --hub-region eu-west-1"})
final class ExportCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name what to export: irctl export cloudformation");
  }
}
