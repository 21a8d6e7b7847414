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

  @Mixin PlanOutOption plan;

  @Mixin AccountOptions account;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    plan.validate();
    List<Part> parts = account.parts();
    return new RunFlow(context, aws, output)
        .execute(
            RunFlow.Request.plan(
                "plan",
                parts,
                plan.detailedExitCode(),
                account::warnings,
                outputFile,
                plan.saver(parts, account::catalogVersion, context)));
  }

  static String version() {
    String version = IrctlCommand.class.getPackage().getImplementationVersion();
    return version == null ? "development build" : version;
  }
}
