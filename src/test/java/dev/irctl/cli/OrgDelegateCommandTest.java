package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code irctl org delegate} on the fakes: run from the management account (the fakes' caller). */
class OrgDelegateCommandTest {
  static final String ADMIN = "222233334444";
  private final FakePorts aws = new FakePorts();

  private CliRun delegate(String... more) {
    return CliRun.run(
        aws,
        List.of(
            "org",
            "delegate",
            "--admin-account",
            ADMIN,
            "--region",
            "us-east-1,eu-west-1",
            "--auto-approve",
            "--no-color"),
        more);
  }

  @Test
  void enablesTrustedAccessAndDesignatesInEveryRegionThenASecondRunWritesNothing() {
    aws.organizationsFake().organization("o-abcd123456", FakePorts.ACCOUNT);

    CliRun first = delegate();

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(aws.log().writes())
        .containsExactlyInAnyOrder(
            "global organizations:EnableAWSServiceAccess (write)",
            "us-east-1 guardduty:EnableOrganizationAdminAccount (write)",
            "eu-west-1 guardduty:EnableOrganizationAdminAccount (write)");
    assertThat(aws.guardDutyOrgIn("eu-west-1").organizationAdmins())
        .extracting(a -> a.accountId())
        .containsExactly(ADMIN);

    aws.log().clear();
    CliRun second = delegate("--output", "json");

    assertThat(second.exitCode()).as(second.err()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(second.out()).contains("\"delegatedAdmin\" : \"" + ADMIN + "\"");
    assertThat(second.out()).contains("\"status\" : \"IN_SYNC\"").doesNotContain("PENDING");
  }

  @Test
  void aRegionWhereAnotherAccountIsAdminFailsNamingItAndTheOthersAreDesignated() {
    aws.organizationsFake().organization("o-abcd123456", FakePorts.ACCOUNT);
    aws.guardDutyOrgIn("eu-west-1").admin("999999999999");

    CliRun run = delegate();

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.err() + run.out()).contains("999999999999 is already GuardDuty's delegated");
    assertThat(aws.log().writes())
        .contains("us-east-1 guardduty:EnableOrganizationAdminAccount (write)")
        .doesNotContain("eu-west-1 guardduty:EnableOrganizationAdminAccount (write)");
  }

  @Test
  void dryRunPlansAndWritesNothing() {
    aws.organizationsFake().organization("o-abcd123456", FakePorts.ACCOUNT);

    CliRun run = delegate("--dry-run");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("guardduty delegated administrator " + ADMIN);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void fromAnAccountThatIsNotTheManagementAccountItNamesTheOneNeededAndWritesNothing() {
    aws.organizationsFake().organization("o-abcd123456", "555566667777");

    CliRun run = delegate();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("management account 555566667777, not " + FakePorts.ACCOUNT)
        .contains("only the management account can enable trusted access")
        .contains("Nothing was changed");
    assertThat(aws.log().writes()).isEmpty();
    assertThat(aws.log().calls())
        .noneMatch(c -> c.contains("guardduty:"))
        .noneMatch(c -> c.contains("ec2:"));
  }

  @Test
  void withoutOrganizationsItSaysSoAndWritesNothing() {
    CliRun run = delegate();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not in an AWS Organization");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aDeniedDescribeOrganizationFailsBeforeAnyWrite() {
    aws.organizationsFake().organization("o-abcd123456", FakePorts.ACCOUNT);
    aws.log()
        .fail(
            "global",
            "organizations:DescribeOrganization",
            AwsCallException.Kind.ACCESS_DENIED,
            "not authorized to perform organizations:DescribeOrganization");

    CliRun run = delegate();

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("Could not read the organization");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aBadAccountIdIsAUsageErrorBeforeAnyCall() {
    CliRun.refused(aws, "org", "delegate", "--admin-account", "12345", "--region", "us-east-1")
        .contains("--admin-account 12345")
        .contains("exactly 12 digits");
  }

  @Test
  void printPolicyGrantsWhatEnableOrganizationAdminAccountNeedsAndOnlyForGuardDuty() {
    CliRun run = CliRun.run("print-policy", "--command", "org-delegate");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("guardduty:EnableOrganizationAdminAccount")
        .contains("guardduty:ListOrganizationAdminAccounts")
        .contains("organizations:EnableAWSServiceAccess")
        .contains("organizations:RegisterDelegatedAdministrator")
        .contains("organizations:DescribeOrganization")
        .contains("\"organizations:ServicePrincipal\": \"guardduty.amazonaws.com\"")
        .doesNotContain("guardduty:CreateMembers")
        .doesNotContain("organizations:ListAccounts");
  }
}
