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
      "Show what apply would change, without changing anything.",
      "",
      "Covers GuardDuty, the rules and topics in every chosen region, and the IAM policy. Read-only: `print-policy --read-only` is enough.",
      "",
      "Takes the flags of enable-guardduty, apply-rules and install-policy (and the same irctl.yaml keys). The IAM policy is planned only when a principal is named with --role, --group or --user. Text is the plan for a pull request; --output-file keeps the JSON (docs/plan-schema.md); --out FILE saves the plan so that 'irctl apply FILE' makes exactly it."
    },
    footer = {
      "",
      "Exit codes without --detailed-exitcode: 0 planned, 1 failed, 2 usage error, 3 some regions or parts failed.",
      "Exit codes with --detailed-exitcode (for CI):",
      "  0  in sync: nothing to change",
      "  1  failed (also a usage error, so 2 can only mean drift)",
      "  2  changes pending: the account has drifted",
      "  3  partial failure: some regions or parts failed, the others were planned",
      "",
      "Examples:",
      "  irctl plan --all-regions --set bucketNames=corp-honey",
      "  irctl plan --detailed-exitcode --no-color --output-file plan.json",
      "  irctl plan --all-regions --out plan.json   # then: irctl apply plan.json",
      "  irctl plan --region us-east-1 --role incident-responders --output json"
    })
public final class PlanCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;

  @Option(
      names = DetailedExitCode.FLAG,
      description =
          "Exit 0 when in sync, 2 when changes are pending, 1 on error, 3 on partial failure.")
  boolean detailedExitCode;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Save the plan to FILE for 'irctl apply FILE' (versioned JSON).")
  Path out;

  @Mixin AccountOptions account;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    if (out != null && Files.isDirectory(out)) {
      throw dev.irctl.UserException.usage("--out " + out + " is a directory; name a file.");
    }
    List<Part> parts = account.parts();
    return new RunFlow(context, aws, output)
        .execute(
            new RunFlow.Request(
                "plan",
                parts,
                RunFlow.Kind.PLAN,
                false,
                detailedExitCode,
                account::warnings,
                outputFile,
                result -> {
                  if (out != null) {
                    PlanFile.write(
                        out,
                        SavedPlan.of(
                            result,
                            parts,
                            version(),
                            account.catalogVersion(),
                            Instant.now().toString(),
                            r -> ChangeJson.array(r.changes())));
                    context.progress(
                        "saved the plan to " + out + ": apply it with 'irctl apply " + out + "'");
                  }
                },
                Optional.empty()));
  }

  static String version() {
    String version = IrctlCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
