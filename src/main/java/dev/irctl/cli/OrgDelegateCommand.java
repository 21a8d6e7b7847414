package dev.irctl.cli;

import dev.irctl.ExitCode;
import dev.irctl.UserException;
import dev.irctl.engine.org.DelegateAdminPart;
import dev.irctl.engine.org.OrgInputException;
import dev.irctl.engine.org.OrgInputs;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.TrustedAccessPart;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.run.Part;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "delegate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "From the organization's management account: enable trusted access for GuardDuty and make"
          + " one account GuardDuty's delegated administrator in every chosen region.",
      "",
      "The designation is regional, so it is made in each region. Regions where that account"
          + " already is the administrator are left as they are and listed; a region where another"
          + " account is the administrator fails, naming it (irctl never replaces it)."
    },
    footer = {
      "",
      "Exit codes: 0 done or nothing to change, 1 failed, 2 usage error (bad account id, not the"
          + " management account, no organization; nothing was written), 3 some regions failed.",
      "",
      "Examples:",
      "  irctl org delegate --admin-account 222233334444 --all-regions --dry-run",
      "  irctl org delegate --admin-account 222233334444 --all-regions --auto-approve"
    })
final class OrgDelegateCommand implements Callable<Integer> {
  static final String COMMAND = "org delegate";

  @Mixin RegionalAwsOptions aws;
  @Mixin OutputOptions output;
  @Mixin DryRunOption dryRun;
  @Mixin ApproveOption approve;
  @Mixin CommandContext context;

  @Option(
      names = "--admin-account",
      required = true,
      paramLabel = "ID",
      description =
          "The account to make GuardDuty's delegated administrator (12 digits): usually the"
              + " security account, not the management account.")
  String adminAccount;

  @Override
  public Integer call() {
    aws.validate();
    OrgChecks.usage(() -> OrgInputs.accountId("--admin-account", adminAccount));
    List<Part> parts =
        List.of(
            new TrustedAccessPart(TrustedAccessPart.GUARDDUTY),
            new DelegateAdminPart(adminAccount));
    RunFlow.Request request =
        RunFlow.Request.write(COMMAND, parts, dryRun, approve, selection -> List.of(), null);
    return new RunFlow(context, aws, output)
        .execute(
            request,
            (ports, identity) ->
                check(() -> OrgPreflight.management(ports.organizations(), identity)));
  }

  /**
   * Runs an org pre-flight: a wrong account or no organization is a usage error (exit 2), a call
   * that failed is a failure (exit 1); both before any write.
   */
  static void check(Runnable preflight) {
    try {
      preflight.run();
    } catch (OrgInputException e) {
      throw UserException.usage(e.getMessage() + " Nothing was changed.");
    } catch (AwsCallException e) {
      throw new UserException(
          "Could not read the organization: " + e.getMessage() + "; nothing was changed.",
          ExitCode.FAILURE,
          e);
    }
  }
}
