package dev.irctl.cli;

import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.SavedPlan;
import dev.irctl.render.ChangeJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

  @Option(
      names = DetailedExitCode.FLAG,
      description =
          "Exit 0 when in sync, 2 when changes are pending, 1 on error, 3 on partial failure.")
  boolean detailedExitCode;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Save the plan to FILE for 'irctl org apply FILE' (versioned JSON).")
  Path out;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    if (out != null && Files.isDirectory(out)) {
      throw dev.irctl.UserException.usage("--out " + out + " is a directory; name a file.");
    }
    List<Part> parts = org.parts(aws, context::progress);
    return new RunFlow(context, aws, output)
        .preflight(OrgChecks.of("org plan", org.checks(aws)))
        .execute(
            new RunFlow.Request(
                "org plan",
                parts,
                RunFlow.Kind.PLAN,
                false,
                detailedExitCode,
                selection -> org.warnings(),
                outputFile,
                result -> {
                  if (out != null) {
                    PlanFile.write(
                        out,
                        SavedPlan.of(
                            result,
                            parts,
                            PlanCommand.version(),
                            org.catalogVersion(),
                            Instant.now().toString(),
                            r -> ChangeJson.array(r.changes())));
                    context.progress(
                        "saved the plan to "
                            + out
                            + ": apply it with 'irctl org apply "
                            + out
                            + "'");
                  }
                },
                Optional.empty()));
  }
}
