package dev.irctl.cli;

import dev.irctl.engine.guardduty.GuardDutyPart;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
    name = "enable-guardduty",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Enable a GuardDuty detector in every chosen region.",
      "",
      "Creates a detector where there is none, enables a disabled one, and sets the finding frequency and the features you name. A detector someone else created is adopted, never replaced; features you do not name are left as they are."
    },
    footer = {
      "",
      "Examples:",
      "  irctl enable-guardduty --all-regions --auto-approve",
      "  irctl enable-guardduty --region us-east-1,eu-west-1 --dry-run",
      "  irctl enable-guardduty --all-regions --feature RDS_LOGIN_EVENTS",
      "  irctl enable-guardduty --threat-intel-set bad-ips=s3://sec-lists/bad.txt",
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (also: no terminal and no --auto-approve), 3 some regions failed."
    })
public final class EnableGuardDutyCommand implements Callable<Integer> {
  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;

  @Mixin GuardDutyOptions guardDuty;

  @Override
  public Integer call() {
    aws.validate();
    GuardDutyPart part = new GuardDutyPart(guardDuty.desired());
    return new RunFlow(context, aws, output)
        .execute(
            RunFlow.Request.of("enable-guardduty", part, dryRun, approve, selection -> List.of()));
  }
}
