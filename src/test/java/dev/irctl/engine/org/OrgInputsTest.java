package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.engine.org.OrgInputException.Kind;
import dev.irctl.engine.port.OrganizationsPort.Organization;
import dev.irctl.engine.port.StackSetsPort.OrganizationsAccess;
import dev.irctl.fakes.FakePorts;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class OrgInputsTest {
  private static final Organization ORG = new Organization("o-abc123", "111122223333", true);
  private final FakePorts aws = new FakePorts();

  private static void fails(ThrowingCallable call, Kind kind, String... words) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(OrgInputException.class, e -> assertThat(e.kind()).isEqualTo(kind))
        .message()
        .contains(words);
  }

  @Test
  void accountIdsAreTwelveDigits() {
    assertThat(OrgInputs.accountId("--admin-account", "444455556666")).isEqualTo("444455556666");
    fails(
        () -> OrgInputs.accountId("--admin-account", "4444-5555-6666"),
        Kind.BAD_ACCOUNT_ID,
        "--admin-account",
        "12 digits");
    fails(
        () -> OrgInputs.accountId("--admin-account", "44445555666"),
        Kind.BAD_ACCOUNT_ID,
        "44445555666");
    fails(() -> OrgInputs.accountId("--admin-account", null), Kind.BAD_ACCOUNT_ID, "12 digits");
  }

  @Test
  void noOrganizationOrBillingOnlyIsRefused() {
    fails(
        () -> OrgInputs.organization(Optional.empty()),
        Kind.NO_ORGANIZATION,
        "not in an AWS Organization");
    fails(
        () -> OrgInputs.organization(Optional.of(new Organization("o-x", "111122223333", false))),
        Kind.NO_ORGANIZATION,
        "all features");
    assertThat(OrgInputs.organization(Optional.of(ORG))).isEqualTo(ORG);
  }

  @Test
  void theWrongAccountIsToldWhichAccountIsNeededAndWhy() {
    fails(
        () -> OrgInputs.requireManagementAccount(ORG, "444455556666"),
        Kind.WRONG_ACCOUNT,
        "management account 111122223333",
        "not 444455556666",
        "delegated administrator");
    fails(
        () -> OrgInputs.requireDelegatedAdmin("111122223333", "444455556666", "eu-west-1"),
        Kind.WRONG_ACCOUNT,
        "delegated administrator account 444455556666",
        "not 111122223333",
        "manages the organization's members");
    OrgInputs.requireManagementAccount(ORG, "111122223333");
    OrgInputs.requireDelegatedAdmin("444455556666", "444455556666", "eu-west-1");
  }

  @Test
  void organizationalUnitsMustExistAndRootsMustBeThisOrganizations() {
    aws.organizationsFake().organization("o-abc123", FakePorts.ACCOUNT).unit("ou-ab12-34567890");

    assertThat(
            OrgInputs.organizationalUnits(
                List.of("ou-ab12-34567890", "r-abcd"), aws.organizations()))
        .containsExactly("ou-ab12-34567890", "r-abcd");
    fails(
        () -> OrgInputs.organizationalUnits(List.of("ou-zz99-99999999"), aws.organizations()),
        Kind.UNKNOWN_ORGANIZATIONAL_UNIT,
        "ou-zz99-99999999",
        "does not exist");
    fails(
        () -> OrgInputs.organizationalUnits(List.of("r-zzzz"), aws.organizations()),
        Kind.UNKNOWN_ORGANIZATIONAL_UNIT,
        "r-zzzz",
        "root");
    fails(
        () -> OrgInputs.organizationalUnits(List.of("workloads"), aws.organizations()),
        Kind.UNKNOWN_ORGANIZATIONAL_UNIT,
        "workloads",
        "not an OU id");
    fails(
        () -> OrgInputs.organizationalUnits(List.of(), aws.organizations()),
        Kind.UNKNOWN_ORGANIZATIONAL_UNIT,
        "at least one");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void stackSetsTrustedAccessOffSaysHowToTurnItOn() {
    fails(
        () -> OrgInputs.requireStackSetsAccess(OrganizationsAccess.DISABLED),
        Kind.STACKSETS_TRUSTED_ACCESS_OFF,
        "is disabled",
        "activate-organizations-access");
    OrgInputs.requireStackSetsAccess(OrganizationsAccess.ENABLED);
  }
}
