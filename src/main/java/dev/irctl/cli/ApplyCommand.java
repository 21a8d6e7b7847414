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

@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Make what plan shows: GuardDuty, the rules and topics, and the IAM policy.",
      "",
      "Enables GuardDuty, deploys the rules and topics in every chosen region, and installs the IAM policy (when --role, --group or --user is given), in one command. Each part reads, plans and writes only what differs, so a second run makes no write calls. Regions and parts run in parallel; a failure in one never stops the others."
    },
    footer = {
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error,",
      "3 some regions or parts failed (the output names them; run again to retry).",
      "",
      "Examples:",
      "  irctl apply --all-regions --subscribe email:soc@example.com",
      "  irctl apply --region eu-west-1 --set bucketNames=corp-honey",
      "  irctl apply --no-color --output-file apply.json   # settings: irctl.yaml"
    })
public final class ApplyCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin OutputFileOption outputFile;
  @Mixin CommandContext context;
  @Mixin AccountOptions account;

  @Override
  public Integer call() {
    aws.validate();
    outputFile.validate();
    AccountRequest request = account.request();
    try (Ports ports = context.openPorts(aws)) {
      RegionSelection selection = context.selectRegions(ports, aws);
      context.warn(selection);
      AccountResultRenderer renderer = new AccountResultRenderer("apply", context.style(output));
      AccountResult result =
          new PlanAndApply(ports, aws.concurrency())
              .apply(selection, request, AccountProgress.of(context, renderer));
      String json = renderer.json(result, selection);
      context.print(output.json() ? json : renderer.text(result));
      outputFile.write(json);
      return DetailedExitCode.of(result, false);
    }
  }
}
