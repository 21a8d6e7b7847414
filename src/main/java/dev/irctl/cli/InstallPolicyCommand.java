package dev.irctl.cli;

import dev.irctl.UserException;
import dev.irctl.engine.iam.PolicyPart;
import java.util.List;
import java.util.Optional;
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
      "  irctl install-policy --group secops --user alice --auto-approve",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: no terminal and no --auto-approve)."
    })
public final class InstallPolicyCommand implements Callable<Integer> {
  @Mixin AwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;

  @Mixin PolicyOptions policy;

  @Override
  public Integer call() {
    aws.validate();
    PolicyPart.Request request = request();
    return new RunFlow(context, aws, output)
        .execute(
            RunFlow.Request.of(
                "install-policy",
                new PolicyPart(Optional.of(request)),
                dryRun,
                approve,
                selection -> List.of()));
  }

  /** Every check that needs no AWS call: a usage error here means nothing was sent. */
  private PolicyPart.Request request() {
    if (!policy.hasPrincipals()) {
      throw UserException.usage(
          "Name at least one principal to attach the policy to: --role NAME, --group NAME or --user NAME.");
    }
    return new PolicyPart.Request(policy.policyName(), policy.principals(), policy.adopt());
  }
}
