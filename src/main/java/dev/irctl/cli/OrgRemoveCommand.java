package dev.irctl.cli;

import dev.irctl.engine.org.HubBusPolicyRemovePart;
import dev.irctl.engine.org.OperationWait;
import dev.irctl.engine.org.OrgMembersRemovePart;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.StackSetRemovePart;
import dev.irctl.engine.run.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "remove",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Undo org apply, in a safe order, touching only what irctl made.",
      "",
      "From GuardDuty's delegated administrator: the stack instances of irctl-member-rules, that"
          + " stack set, then irctl-member-role's instances and stack set (the role outlives the"
          + " rules); irctl's statement in the hub bus policy; per region members' auto-enable set"
          + " to NONE (existing members stay enabled) and the members irctl made disassociated and"
          + " deleted. Members and stack sets irctl did not make, and the administrator's own"
          + " detector, are left alone and listed. Each step is skipped when already done, so a"
          + " re-run goes on where a failure stopped. The delegated administrator itself is"
          + " deregistered from the management account, not here."
    },
    footer = {
      "",
      "Exit codes: 0 done or nothing to remove, 1 failed, 2 usage error (also: not the delegated administrator; nothing written), 3 some regions or steps failed (named; a re-run converges).",
      "",
      "Examples:",
      "  irctl org remove --all-regions --hub-region eu-west-1",
      "  irctl org remove --region eu-west-1 --no-stack-sets --auto-approve"
    })
public final class OrgRemoveCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin ApproveOption approve;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;
  @Mixin OrgOptions.StackSetOptions stackSets;

  @Option(
      names = "--no-stack-sets",
      description =
          "Leave the member stack sets and the hub bus policy alone (org apply ran without --ou).")
  boolean noStackSets;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    List<Part> parts = new ArrayList<>();
    OrgPreflight.Checks checks = new OrgPreflight.Checks(false, List.of(), "");
    if (!noStackSets) {
      String hub = stackSets.hubRegion(aws);
      parts.add(
          new StackSetRemovePart(
              hub, stackSets.preferences(), OperationWait.standard(), context::progress));
      parts.add(new HubBusPolicyRemovePart(hub));
      checks = new OrgPreflight.Checks(true, List.of(), hub);
    }
    parts.add(new OrgMembersRemovePart());
    return new RunFlow(context, aws, output)
        .preflight(OrgChecks.of("org remove", checks))
        .execute(
            RunFlow.Request.write(
                "org remove", parts, dryRun, approve, selection -> List.of(), outputFile));
  }
}
