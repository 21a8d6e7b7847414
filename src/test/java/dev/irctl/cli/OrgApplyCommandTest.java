package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.ExitCode;
import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.engine.org.TrustedAccessPart;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.StackSetsPort.OrganizationsAccess;
import dev.irctl.fakes.FakePorts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** org plan/apply/remove in-process: the pre-flight errors come before any write, exit 2. */
class OrgApplyCommandTest {
  static final String ADMIN = FakePorts.ACCOUNT;
  static final String OU = "ou-abcd-11111111";
  static final String REGIONS = "--region=eu-west-1,us-east-1";

  final FakePorts aws = new FakePorts();

  /** {@code irctl org COMMAND} over REGIONS with the hub region named, plus {@code more}. */
  CliRun org(String command, String... more) {
    List<String> args =
        new java.util.ArrayList<>(List.of("org", command, REGIONS, "--hub-region", "eu-west-1"));
    args.addAll(List.of(more));
    return CliRun.run(aws, args.toArray(String[]::new));
  }

  void organization(boolean guardDutyAdmin, boolean stackSetsAdmin) {
    aws.organizationsFake()
        .organization("o-abc123", "999999999999")
        .account(ADMIN, AccountState.ACTIVE, OU)
        .account("200000000001", AccountState.ACTIVE, OU)
        .account("200000000002", AccountState.SUSPENDED, OU);
    if (guardDutyAdmin) {
      aws.organizationsFake().delegatedAdministrator(TrustedAccessPart.GUARDDUTY, ADMIN);
    } else {
      aws.organizationsFake().delegatedAdministrator(TrustedAccessPart.GUARDDUTY, "444455556666");
    }
    if (stackSetsAdmin) {
      aws.organizationsFake().delegatedAdministrator(OrgPreflight.STACKSETS_PRINCIPAL, ADMIN);
    }
    aws.stackSetsIn("eu-west-1").access(OrganizationsAccess.ENABLED);
  }

  @Test
  void applyFromTheAdminCreatesMembersAndASecondRunWritesNothing() {
    organization(true, true);
    CliRun run = CliRun.run(aws, "org", "apply", REGIONS, "--auto-approve");
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.OK);
    assertThat(run.out()).contains("org-members");
    assertThat(run.err() + run.out()).contains("GuardDuty finding rules run in this administrator");
    assertThat(aws.guardDutyOrgIn("us-east-1").members()).containsOnlyKeys("200000000001");

    aws.log().clear();
    CliRun again = CliRun.run(aws, "org", "plan", REGIONS, "--detailed-exitcode");
    assertThat(again.exitCode()).as(again.err()).isEqualTo(ExitCode.OK);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void nothingButIdentityIsCalledBeforeThePreflightRefuses() {
    organization(false, true);

    CliRun run = CliRun.run(aws, "org", "apply", REGIONS, "--auto-approve");

    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(aws.log().calls()).noneMatch(c -> c.contains("ec2:DescribeRegions"));
  }

  @Test
  void notTheDelegatedAdministratorIsAUsageErrorNamingTheAccountBeforeAnyWrite() {
    organization(false, true);
    CliRun run = CliRun.run(aws, "org", "apply", REGIONS, "--auto-approve");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err())
        .contains("delegated administrator account 444455556666")
        .contains("not " + ADMIN)
        .contains("Nothing was changed");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aMemberRuleTheForwardersCannotCutIsAUsageErrorBeforeAnyWrite(@TempDir Path dir)
      throws Exception {
    organization(true, true);
    Path catalog = ExportCloudFormationCommandTest.unforwardableCatalog(dir);

    CliRun run =
        org("apply", "--ou", OU, "--catalog", catalog.toString(), "--no-bundled", "--auto-approve");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("rule ec2-anything").contains("exact detail-type");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void anOuThatDoesNotExistIsAUsageErrorBeforeAnyWrite() {
    organization(true, true);
    CliRun run = org("apply", "--ou", "ou-abcd-99999999", "--auto-approve");
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("ou-abcd-99999999").contains("does not exist");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void stackSetsTrustedAccessOffIsAUsageErrorWithTheFix() {
    organization(true, true);
    aws.stackSetsIn("eu-west-1").access(OrganizationsAccess.DISABLED);
    CliRun run = org("plan", "--ou", OU);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("activate-organizations-access");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void notAStackSetsAdministratorSaysHowToRegister() {
    organization(true, false);
    CliRun run = org("plan", "--ou", OU);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("register-delegated-administrator");
  }

  @Test
  void noOrganizationIsAUsageError() {
    CliRun run = CliRun.run(aws, "org", "plan", REGIONS);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("not in an AWS Organization");
  }

  @Test
  void withoutATerminalApplyNeedsAutoApproveAndCallsNothing() {
    organization(true, true);
    CliRun run = CliRun.run(aws, "org", "apply", REGIONS);
    assertThat(run.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(run.err()).contains("--auto-approve");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void badFailureToleranceAndMissingHubRegionAreUsageErrors() {
    organization(true, true);
    assertThat(org("plan", "--ou", OU, "--failure-tolerance", "lots").err())
        .contains("--failure-tolerance lots");
    CliRun noHub = CliRun.run(aws, "org", "plan", "--all-regions", "--ou", OU);
    assertThat(noHub.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(noHub.err()).contains("--hub-region");
    // Several regions are not an answer either: their order could differ between commands.
    CliRun several = CliRun.run(aws, "org", "plan", REGIONS, "--ou", OU);
    assertThat(several.exitCode()).isEqualTo(ExitCode.USAGE);
    assertThat(several.err()).contains("--hub-region").contains("by their order");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void removeUndoesApplyAndLeavesTheDetector() {
    organization(true, true);
    assertThat(org("apply", "--ou", OU, "--auto-approve").exitCode()).isEqualTo(ExitCode.OK);
    CliRun removed = org("remove", "--auto-approve");
    assertThat(removed.exitCode()).as(removed.err()).isEqualTo(ExitCode.OK);
    assertThat(aws.guardDutyOrgIn("us-east-1").members()).isEmpty();
    assertThat(aws.stackSetsIn("eu-west-1").stackSet("irctl-member-rules")).isEmpty();
    assertThat(aws.guardDutyIn("us-east-1").detector()).isPresent();
  }
}
