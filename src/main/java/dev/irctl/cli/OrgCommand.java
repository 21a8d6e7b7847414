package dev.irctl.cli;

import picocli.CommandLine.Command;

/**
 * {@code irctl org}: GuardDuty and the member rules in every account of an AWS Organization, on
 * AWS's own engines (GuardDuty's delegated administrator, service-managed StackSets).
 */
@Command(
    name = "org",
    mixinStandardHelpOptions = true,
    description = {
      "Every account of an AWS Organization: GuardDuty's administrator, members, stack sets.",
      "",
      "First, from the management account: 'irctl org delegate --admin-account ID'. Then, from that"
          + " delegated administrator: 'irctl org plan', 'irctl org apply', 'irctl org status'."
    },
    // One subcommand per line, so each org command's registration merges on its own.
    subcommands = {
      OrgDelegateCommand.class,
      OrgStatusCommand.class,
      OrgPlanCommand.class,
      OrgApplyCommand.class,
      OrgRemoveCommand.class,
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  irctl org delegate --admin-account 222233334444 --all-regions",
      "  irctl org plan --all-regions --ou r-ab12 --hub-region eu-west-1",
      "  irctl org apply --all-regions --ou r-ab12 --hub-region eu-west-1",
      "  irctl org status --all-regions --hub-region eu-west-1 --detailed-exitcode"
    })
final class OrgCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(),
        "name an org command: irctl org delegate, plan, apply, status or remove");
  }
}
