package dev.irctl.engine.org;

import dev.irctl.engine.org.OrgInputException.Kind;
import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.OrganizationsPort.Organization;
import dev.irctl.engine.port.StackSetsPort.OrganizationsAccess;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks every org command makes before its first write, each failing with an {@link
 * OrgInputException} whose message says which value is wrong, which account is needed and why.
 */
public final class OrgInputs {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  // Organizations' own id patterns (API reference, OrganizationalUnitId and RootId).
  private static final Pattern OU_ID = Pattern.compile("ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}");
  private static final Pattern ROOT_ID = Pattern.compile("r-[0-9a-z]{4,32}");

  private OrgInputs() {}

  /**
   * {@code what} names the value for the message: the CLI passes its flag, the engine a plain name
   * ("delegated administrator account").
   */
  public static String accountId(String what, String value) {
    if (value == null || !ACCOUNT_ID.matcher(value).matches()) {
      throw new OrgInputException(
          Kind.BAD_ACCOUNT_ID,
          what + " " + value + ": an AWS account id is exactly 12 digits, e.g. 111122223333.");
    }
    return value;
  }

  /** The caller's organization; it must exist and have all features enabled. */
  public static Organization organization(Optional<Organization> organization) {
    Organization found =
        organization.orElseThrow(
            () ->
                new OrgInputException(
                    Kind.NO_ORGANIZATION,
                    "this account is not in an AWS Organization: org commands need one. Create it"
                        + " in the account that will be the management account ("
                        + "aws organizations create-organization --feature-set ALL"
                        + "), or use the single-account"
                        + " commands."));
    if (!found.allFeatures()) {
      throw new OrgInputException(
          Kind.NO_ORGANIZATION,
          "organization "
              + found.id()
              + " has only consolidated billing: delegated administrators and service-managed"
              + " StackSets need all features enabled (Organizations console, Settings).");
    }
    return found;
  }

  /**
   * The delegation step (trusted access, the delegated admin per region) runs only from the
   * management account: Organizations and GuardDuty accept it from nowhere else.
   */
  public static void requireManagementAccount(Organization organization, String caller) {
    if (!organization.managementAccountId().equals(caller)) {
      throw new OrgInputException(
          Kind.WRONG_ACCOUNT,
          "this step runs in the organization's management account "
              + organization.managementAccountId()
              + ", not "
              + caller
              + ": only the management account can enable trusted access and designate"
              + " GuardDuty's delegated administrator. Use credentials of "
              + organization.managementAccountId()
              + ".");
    }
  }

  /**
   * Org configuration, members and the member StackSet run from GuardDuty's delegated
   * administrator: only it manages members, and irctl runs the StackSet as that admin so the
   * management account needs no standing access.
   */
  public static void requireDelegatedAdmin(String caller, String admin, String region) {
    if (!admin.equals(caller)) {
      throw new OrgInputException(
          Kind.WRONG_ACCOUNT,
          "this step runs in GuardDuty's delegated administrator account "
              + admin
              + " (in "
              + region
              + "), not "
              + caller
              + ": only the administrator manages the organization's members and settings."
              + " Use credentials of "
              + admin
              + ", or designate "
              + caller
              + " first with 'irctl org delegate' from the management account.");
    }
  }

  /** Every target must be the root or an existing OU of this organization. */
  public static List<String> organizationalUnits(
      List<String> targets, OrganizationsPort organizations) {
    if (targets.isEmpty()) {
      throw new OrgInputException(
          Kind.UNKNOWN_ORGANIZATIONAL_UNIT,
          "no organizational unit chosen: name at least one OU (ou-...) or the root (r-...).");
    }
    List<String> roots = null;
    for (String target : targets) {
      if (ROOT_ID.matcher(target).matches()) {
        if (roots == null) {
          roots = organizations.listRoots();
        }
        if (!roots.contains(target)) {
          throw unknown(
              target, "is not this organization's root (" + String.join(", ", roots) + ")");
        }
      } else if (!OU_ID.matcher(target).matches()) {
        throw unknown(target, "is not an OU id (ou-xxxx-xxxxxxxx) or a root id (r-xxxx)");
      } else if (!organizations.organizationalUnitExists(target)) {
        throw unknown(target, "does not exist in this organization");
      }
    }
    return List.copyOf(targets);
  }

  private static OrgInputException unknown(String target, String why) {
    return new OrgInputException(
        Kind.UNKNOWN_ORGANIZATIONAL_UNIT,
        "organizational unit "
            + target
            + " "
            + why
            + "; list them with 'aws organizations list-organizational-units-for-parent'.");
  }

  /** Service-managed StackSets need trusted access with Organizations. */
  public static void requireStackSetsAccess(OrganizationsAccess access) {
    if (access != OrganizationsAccess.ENABLED) {
      throw new OrgInputException(
          Kind.STACKSETS_TRUSTED_ACCESS_OFF,
          "trusted access between CloudFormation StackSets and AWS Organizations is "
              + access.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
              + ": service-managed stack sets cannot deploy. Turn it on from the management"
              + " account (CloudFormation console, StackSets, 'Activate trusted access', or aws"
              + " cloudformation activate-organizations-access).");
    }
  }
}
