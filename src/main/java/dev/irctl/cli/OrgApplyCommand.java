package dev.irctl.cli;

import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.StackSetPart;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.SavedPlan;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Make what org plan shows: GuardDuty for every account of the organization and, with --ou,"
          + " the member rules on CloudFormation StackSets.",
      "",
      "Runs in GuardDuty's delegated administrator account (designated with 'irctl org delegate'"
          + " from the management account). Per region, in parallel: the administrator's detector,"
          + " then UpdateOrganizationConfiguration (members ALL or NEW, the --feature auto-enable)"
          + " and CreateMembers for organization accounts not yet members. With --ou: the hub bus"
          + " policy (events:PutEvents for this organization only), then the service-managed stack"
          + " sets irctl-member-role and irctl-member-rules with automatic deployment to the OUs,"
          + " waited for with progress. A second run with nothing changed writes nothing."
    },
    footer = {
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: not the delegated administrator, an OU that does not exist, StackSets trusted access off; nothing written), 3 some regions, parts or stack instances failed (the output names them; a re-run converges).",
      "",
      "Examples:",
      "  irctl org apply --all-regions --auto-approve",
      "  irctl org apply --region eu-west-1 --ou r-ab12 --failure-tolerance 5%%",
      "  irctl org apply plan.json --auto-approve   # saved by org plan --out"
    })
public final class OrgApplyCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;
  @Mixin OrgOptions org;

  @Mixin SavedPlanOption savedPlan;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    RunFlow flow = new RunFlow(context, aws, output);
    List<Part> parts;
    Optional<SavedPlan> saved = savedPlan.read(flow, "org apply", approve.autoApprove());
    OrgPreflight.Checks checks;
    if (saved.isPresent()) {
      parts =
          PlanFile.parts(savedPlan.file(), saved.get()).stream()
              .map(p -> p instanceof StackSetPart s ? s.withProgress(context::progress) : p)
              .toList();
      checks = savedChecks(parts);
    } else {
      parts = org.parts(aws, context::progress);
      checks = org.checks(aws);
    }
    return flow.preflight(OrgChecks.of("org apply", checks))
        .execute(
            RunFlow.Request.apply(
                "org apply", parts, approve, selection -> org.warnings(), outputFile, saved));
  }

  /** A saved plan's checks: its stack set part names the OUs and the hub region. */
  private static OrgPreflight.Checks savedChecks(List<Part> parts) {
    return parts.stream()
        .filter(p -> p instanceof StackSetPart)
        .map(p -> ((StackSetPart) p).desiredValue())
        .findFirst()
        .map(d -> new OrgPreflight.Checks(true, d.organizationalUnitIds(), d.hubRegion()))
        .orElse(new OrgPreflight.Checks(false, List.of(), ""));
  }
}
