package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.OrganizationFeatureSet;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;

/**
 * The org commands against moto's organization: what moto 5.2.1 serves (Organizations' tree,
 * trusted access and delegated administrators from the management account; GuardDuty's
 * EnableOrganizationAdminAccount and ListOrganizationAdminAccounts), and its gaps pinned as such.
 * Not served, so covered by the WireMock and fake tiers only: GuardDuty members and organization
 * configuration (404 "Not yet implemented"), StackSets' DescribeOrganizationsAccess, and a member
 * account's view of the organization (so no org status or org apply from a delegated admin here;
 * {@link OrgStackSetsEmulatorIT} covers the stack sets moto does serve).
 */
class OrgEmulatorIT extends EmulatorTier {
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1");
  static final String GUARDDUTY = "guardduty.amazonaws.com";

  String root;
  String securityOu;
  String admin;

  /** The management account (moto's default) makes an organization, an OU and an account in it. */
  @BeforeAll
  void organization() {
    OrganizationsClient org = emulator.organizations();
    org.createOrganization(r -> r.featureSet(OrganizationFeatureSet.ALL));
    root = org.listRoots().roots().get(0).id();
    securityOu =
        org.createOrganizationalUnit(r -> r.parentId(root).name("Security"))
            .organizationalUnit()
            .id();
    String request =
        org.createAccount(r -> r.accountName("security").email("security@example.com"))
            .createAccountStatus()
            .id();
    admin =
        org.describeCreateAccountStatus(r -> r.createAccountRequestId(request))
            .createAccountStatus()
            .accountId();
    org.moveAccount(r -> r.accountId(admin).sourceParentId(root).destinationParentId(securityOu));
    // Gap: AWS's EnableOrganizationAdminAccount registers the account with Organizations too;
    // moto's does not, so the set-up registers it the way GuardDuty would.
    org.registerDelegatedAdministrator(r -> r.accountId(admin).servicePrincipal(GUARDDUTY));
  }

  @Test
  void delegateTurnsOnTrustedAccessAndDesignatesTheAdminInEveryRegionThenASecondRunWritesNothing()
      throws Exception {
    List<String> delegate =
        List.of(
            "org",
            "delegate",
            "--admin-account",
            admin,
            "--region",
            String.join(",", REGIONS),
            "--auto-approve");

    ok(delegate.toArray(String[]::new));

    assertThat(
            emulator
                .organizations()
                .listAWSServiceAccessForOrganization()
                .enabledServicePrincipals())
        .anyMatch(p -> p.servicePrincipal().equals(GUARDDUTY));
    for (String region : REGIONS) {
      assertThat(emulator.guardDuty(region).listOrganizationAdminAccounts(r -> {}).adminAccounts())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.adminAccountId()).isEqualTo(admin);
                assertThat(a.adminStatusAsString()).isEqualTo("ENABLED");
              });
    }

    Irctl.Result again = ok(delegate.toArray(String[]::new));
    assertThat(again.out() + again.err()).contains(admin);
    assertThat(proxy.calls()).noneMatch(c -> c.write() && !c.throttled());
  }

  @Test
  void statusFromTheManagementAccountNamesTheAdministratorToRunItFrom() throws Exception {
    Irctl.Result status = irctl("org", "status", "--region", "us-east-1");

    assertThat(status.exitCode()).as("%s", status).isEqualTo(2);
    assertThat(status.err()).contains(admin).contains("delegated administrator");
    assertThat(proxy.calls()).noneMatch(c -> c.service().equals("guardduty"));
  }

  @Test
  void gapsAMemberAccountSeesNeitherTheTreeNorTheDelegatedAdministrators() {
    try (OrganizationsClient member =
        OrganizationsClient.builder()
            .region(Region.US_EAST_1)
            .endpointOverride(emulator.endpoint())
            .credentialsProvider(emulator.memberCredentials(admin))
            .build()) {
      // The member sees which organization it is in...
      assertThat(member.describeOrganization().organization().masterAccountId())
          .isEqualTo(Emulator.ACCOUNT);
      // ...but not the management account's tree, which AWS shows a delegated admin.
      assertThatThrownBy(() -> member.listAccountsForParent(r -> r.parentId(securityOu)))
          .isInstanceOf(ParentNotFoundException.class);
      assertThat(
              member
                  .listDelegatedAdministrators(r -> r.servicePrincipal(GUARDDUTY))
                  .delegatedAdministrators())
          .isEmpty();
    }
  }

  @Test
  void gapsGuardDutyMembersAndStackSetsOrganizationsAccessAreNotServed() {
    var guardDuty = emulator.guardDuty("eu-west-1");
    String detector = guardDuty.createDetector(r -> r.enable(true)).detectorId();
    for (Runnable call :
        List.<Runnable>of(
            () -> guardDuty.listMembers(r -> r.detectorId(detector)),
            () -> guardDuty.describeOrganizationConfiguration(r -> r.detectorId(detector)))) {
      assertThatThrownBy(call::run)
          .isInstanceOf(AwsServiceException.class)
          .extracting(e -> ((AwsServiceException) e).statusCode())
          .isEqualTo(404);
    }
    assertThatThrownBy(
            () -> emulator.cloudFormation("us-east-1").describeOrganizationsAccess(r -> {}))
        .isInstanceOf(AwsServiceException.class);
  }
}
