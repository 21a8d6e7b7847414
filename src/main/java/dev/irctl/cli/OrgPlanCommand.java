package dev.irctl.cli;

import dev.irctl.engine.run.Part;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Show what org apply would change in the organization, without changing anything.",
      "",
      "Runs in GuardDuty's delegated administrator account. Per region: the administrator's own"
          + " detector, the organization configuration (members' and features' auto-enable) and"
          + " the organization accounts that are not members yet (suspended and closed accounts"
          + " are skipped and listed). With --ou: the hub bus policy and the member stack sets."
    },
    footer = {
      "",
      "Exit codes: 0 planned, 1 failed, 2 usage error (also: not the delegated administrator, an OU that does not exist, StackSets trusted access off), 3 some regions or parts failed; with --detailed-exitcode 0 in sync, 2 changes pending, 1 error, 3 partial failure.",
      "",
      "Examples:",
      "  irctl org plan --all-regions",
      "  irctl org plan --region eu-west-1 --ou ou-ab12-34cd5678 --out plan.json"
    })
public final class OrgPlanCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;
  @Mixin OrgOptions org;
  @Mixin PlanOutOption plan;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    plan.validate();
    List<Part> parts = org.parts(aws, context::progress);
    return new RunFlow(context, aws, output)
        .preflight(OrgChecks.of("org plan", org.checks(aws)))
        .execute(
            RunFlow.Request.plan(
                "org plan",
                parts,
                plan.detailedExitCode(),
                selection -> org.warnings(),
                outputFile,
                plan.saver(parts, org::catalogVersion, context)));
  }
}
