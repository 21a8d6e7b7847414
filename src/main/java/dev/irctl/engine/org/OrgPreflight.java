package dev.irctl.engine.org;

import dev.irctl.engine.port.AccountPort.Identity;
import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.OrganizationsPort.Organization;
import java.util.List;

/**
 * The org commands' checks right after sts:GetCallerIdentity and before any other call: is the
 * caller in an organization with all features, and is it the account this step must run in? Each
 * failure is an {@link OrgInputException} that names the account needed and why.
 */
public final class OrgPreflight {
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
   * {@code org status}: one DescribeOrganization and one ListDelegatedAdministrators for GuardDuty;
   * the caller must be GuardDuty's delegated administrator, the account that sees every member.
   */
  public static Caller delegatedAdmin(OrganizationsPort organizations, Identity identity) {
    Organization organization = OrgInputs.organization(organizations.describeOrganization());
    String caller = identity.accountId();
    List<String> admins = organizations.delegatedAdministrators(TrustedAccessPart.GUARDDUTY);
    if (admins.isEmpty()) {
      throw new OrgInputException(
          OrgInputException.Kind.WRONG_ACCOUNT,
          "organization "
              + organization.id()
              + " has no GuardDuty delegated administrator yet: designate one from the management"
              + " account "
              + organization.managementAccountId()
              + " with 'irctl org delegate --admin-account ID', then run this from that account.");
    }
    if (!admins.contains(caller)) {
      OrgInputs.requireDelegatedAdmin(caller, admins.get(0), "the organization");
    }
    return new Caller(organization, caller, caller);
  }
}
