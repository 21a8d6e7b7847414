package dev.irctl.cli;

import dev.irctl.engine.account.AccountRequest;
import dev.irctl.engine.account.AccountResult;
import dev.irctl.engine.account.PlanAndApply;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.render.AccountResultRenderer;
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
      "Takes the flags of enable-guardduty, apply-rules and install-policy (and the same irctl.yaml keys). The IAM policy is planned only when a principal is named with --role, --group or --user. Text is a per-region diff for a pull request; --output-file keeps the JSON (docs/plan-schema.md) for a pipeline."
    },
    footer = {
      "",
      "Exit codes without --detailed-exitcode: 0 planned, 1 failed, 2 usage error,",
      "3 some regions or parts failed.",
      "Exit codes with --detailed-exitcode (for CI):",
      "  0  in sync: nothing to change",
      "  1  failed (also a usage error, so 2 can only mean drift)",
      "  2  changes pending: the account has drifted",
      "  3  partial failure: some regions or parts failed, the others were planned",
      "",
      "Examples:",
      "  irctl plan --all-regions --set bucketNames=corp-honey",
      "  irctl plan --detailed-exitcode --no-color --output-file plan.json",
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

  @Mixin AccountOptions account;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    AccountRequest request = account.request();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      AccountResultRenderer renderer = new AccountResultRenderer("plan", context.style(output));
      AccountResult result =
          new PlanAndApply(ports, aws.concurrency())
              .plan(selection, request, AccountProgress.of(context, renderer));
      String json = renderer.json(result, selection);
      context.print(output.json() ? json : renderer.text(result));
      outputFile.write(json);
      return DetailedExitCode.of(result, detailedExitCode);
    }
  }
}
