package dev.irctl.engine.org;

import dev.irctl.engine.Input;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.org.OrgInputException.Kind;
import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.OrganizationsPort.Organization;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.port.StackSetsPort.CallAs;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The org commands' checks right after sts:GetCallerIdentity and before any write. {@code org
 * delegate} needs the management account and {@code org status} GuardDuty's delegated
 * administrator. The reads {@code org plan}, {@code org apply} and {@code org remove} make after
 * identity and before any write, each failing with an {@link OrgInputException} that says which
 * account is needed and why: an organization with all features; the caller is GuardDuty's delegated
 * administrator (Organizations' ListDelegatedAdministrators, which a plain member account may not
 * call); for the member stack sets also StackSets' delegated administrator, every named OU exists,
 * and trusted access between StackSets and Organizations is on.
 */
public final class OrgPreflight {
  public static final String STACKSETS_PRINCIPAL =
      "member.org.stacksets.cloudformation.amazonaws.com";

  private OrgPreflight() {}

  /** Who runs an org step: the organization, and GuardDuty's delegated administrator if known. */
  public record Caller(Organization organization, String accountId, String adminAccountId) {
    public boolean management() {
      return organization.managementAccountId().equals(accountId);
    }
  }

  /**
   * {@code org delegate}: one DescribeOrganization; the caller must be the management account,
   * because only it can enable trusted access and designate GuardDuty's delegated administrator.
   */
  public static Organization management(OrganizationsPort organizations, Identity identity) {
    Organization organization = OrgInputs.organization(organizations.describeOrganization());
    OrgInputs.requireManagementAccount(organization, identity.accountId());
    return organization;
  }

  /**
   * {@code org status}: one DescribeOrganization and, beside it, one ListDelegatedAdministrators
   * for GuardDuty; the caller must be GuardDuty's delegated administrator, the account that sees
   * every member.
   */
  public static Caller delegatedAdmin(OrganizationsPort organizations, Identity identity) {
    Organization organization;
    List<String> admins;
    // The two reads are independent: side by side they are one call on the run's critical path.
    // The organization is checked first, so outside one that error wins.
    try (Parallel parallel = new Parallel()) {
      CompletableFuture<List<String>> delegated =
          parallel.fork(() -> organizations.delegatedAdministrators(TrustedAccessPart.GUARDDUTY));
      organization = OrgInputs.organization(organizations.describeOrganization());
      admins = Parallel.join(delegated);
    }
    String caller = identity.accountId();
    if (admins.isEmpty()) {
      throw new OrgInputException(
          OrgInputException.Kind.WRONG_ACCOUNT,
          "organization "
              + organization.id()
              + " has no GuardDuty delegated administrator yet: designate one from the management"
              + " account "
              + organization.managementAccountId()
              + " with 'irctl org delegate "
              + Input.ADMIN_ACCOUNT.ref()
              + " ID', then run this from that account.");
    }
    if (!admins.contains(caller)) {
      OrgInputs.requireDelegatedAdmin(caller, admins.get(0), "the organization");
    }
    return new Caller(organization, caller, caller);
  }

  /** What the run needs checked; {@code stackSets} false when it deploys no stack sets. */
  public record Checks(boolean stackSets, List<String> organizationalUnitIds, String hubRegion) {
    public Checks {
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
    }
  }

  /** Runs the checks; returns the organization. */
  public static Organization check(Ports ports, String caller, Checks checks) {
    OrganizationsPort organizations = ports.organizations();
    Organization organization = OrgInputs.organization(organizations.describeOrganization());
    List<String> admins =
        delegated(organizations, TrustedAccessPart.GUARDDUTY, caller, organization);
    if (!admins.contains(caller)) {
      String admin = admins.isEmpty() ? null : admins.get(0);
      throw new OrgInputException(
          Kind.WRONG_ACCOUNT,
          admin == null
              ? "no account is GuardDuty's delegated administrator of organization "
                  + organization.id()
                  + " yet: org plan/apply run in that account, which manages the members. Designate"
                  + " one from the management account "
                  + organization.managementAccountId()
                  + " with 'irctl org delegate "
                  + Input.ADMIN_ACCOUNT.ref()
                  + " ID', then run this with its"
                  + " credentials."
              : "this runs in GuardDuty's delegated administrator account "
                  + admin
                  + ", not "
                  + caller
                  + ": only the administrator manages the organization's members and settings."
                  + " Use credentials of "
                  + admin
                  + ".");
    }
    if (checks.stackSets()) {
      List<String> stackSetAdmins =
          delegated(organizations, STACKSETS_PRINCIPAL, caller, organization);
      if (!stackSetAdmins.contains(caller)) {
        throw new OrgInputException(
            Kind.WRONG_ACCOUNT,
            "account "
                + caller
                + " is not a delegated administrator for CloudFormation StackSets: irctl deploys"
                + " the member stack sets as that administrator, so the management account needs"
                + " no standing access. Register it from the management account "
                + organization.managementAccountId()
                + ": "
                + "aws organizations register-delegated-administrator --service-principal %s --account-id %s."
                    .formatted(STACKSETS_PRINCIPAL, caller));
      }
      if (!checks.organizationalUnitIds().isEmpty()) {
        OrgInputs.organizationalUnits(checks.organizationalUnitIds(), organizations);
      }
      OrgInputs.requireStackSetsAccess(
          ports.stackSets(checks.hubRegion(), CallAs.DELEGATED_ADMIN).organizationsAccess());
    }
    return organization;
  }

  private static List<String> delegated(
      OrganizationsPort organizations, String principal, String caller, Organization organization) {
    try {
      return organizations.delegatedAdministrators(principal);
    } catch (AwsCallException e) {
      if (e.kind() != AwsCallException.Kind.ACCESS_DENIED) {
        throw e;
      }
      throw new OrgInputException(
          Kind.WRONG_ACCOUNT,
          "account "
              + caller
              + " could not list organization "
              + organization.id()
              + "'s delegated administrators ("
              + e.getMessage()
              + "): AWS allows that only to the management account and delegated"
              + " administrators, so this is most likely not GuardDuty's delegated administrator."
              + " Run this with the administrator's credentials (or grant"
              + " organizations:ListDelegatedAdministrators if it is).");
    }
  }
}
