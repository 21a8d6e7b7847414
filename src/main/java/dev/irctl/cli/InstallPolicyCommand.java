package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.iam.InstallPolicy;
import dev.irctl.engine.iam.InstallPolicyResult;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Ports;
import dev.irctl.render.PolicyResultRenderer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "install-policy",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Install the IAM policy that lets a role, group or user run GuardDuty.",
      "",
      "The policy grants guardduty:* and iam:CreateServiceLinkedRole on GuardDuty's service-linked role only. It is created tagged managed-by=irctl. When its default version differs, a new default version is made (at IAM's limit of 5 versions the oldest non-default one is deleted first); statements irctl did not write are kept. A same-named policy irctl did not create is left alone unless --adopt. IAM is global: one pass for the whole account, so it takes no region flags."
    },
    footer = {
      "",
      "Examples:",
      "  irctl install-policy --role incident-responders --dry-run",
      "  irctl install-policy --group secops --user alice --output json",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error."
    })
public final class InstallPolicyCommand implements Callable<Integer> {
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin CommandContext context;

  @Mixin PolicyOptions policy;

  @Override
  public Integer call() {
    aws.validate();
    InstallPolicy.Request request = request();
    try (Ports ports = context.openPorts(aws)) {
      context.checkCredentials(ports);
      InstallPolicyResult result = run(ports, request);
      PolicyResultRenderer renderer =
          new PolicyResultRenderer(context.style(output), dryRun.dryRun());
      context.print(output.json() ? renderer.json(result) : renderer.text(result));
      return result.failed() ? ExitCode.FAILURE : ExitCode.OK;
    }
  }

  private static InstallPolicyResult run(Ports ports, InstallPolicy.Request request) {
    try {
      return new InstallPolicy(ports).run(request);
    } catch (PlanConflictException | AwsCallException e) {
      throw new UserException(e.getMessage(), ExitCode.FAILURE, e);
    }
  }

  /** Every check that needs no AWS call: a usage error here means nothing was sent. */
  private InstallPolicy.Request request() {
    if (!policy.hasPrincipals()) {
      throw UserException.usage(
          "Name at least one principal to attach the policy to: --role NAME, --group NAME or --user NAME.");
    }
    String policyName = policy.policyName();
    return new InstallPolicy.Request(
        policyName, policy.principals(), policy.adopt(), dryRun.dryRun());
  }
}
