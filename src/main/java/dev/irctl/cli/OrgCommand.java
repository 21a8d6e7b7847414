package dev.irctl.cli;

import picocli.CommandLine.Command;

@Command(
    name = "org",
    mixinStandardHelpOptions = true,
    description = {
      "GuardDuty and the rules in every account of an AWS Organization.",
      "",
      "On AWS's own engines: GuardDuty's delegated administrator and CloudFormation StackSets."
    },
    subcommands = {
      OrgPlanCommand.class,
      OrgApplyCommand.class,
      OrgRemoveCommand.class,
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl org plan --all-regions --ou r-ab12 --hub-region eu-west-1",
      "  irctl org apply --all-regions --ou r-ab12 --hub-region eu-west-1"
    })
final class OrgCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "name an org command: irctl org plan, apply or remove");
  }
}
