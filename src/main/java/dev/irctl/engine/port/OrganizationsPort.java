package dev.irctl.engine.port;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * AWS Organizations, a global service, seen from the caller's account. Every list is read to its
 * last page. The values it speaks are nested here, so the port imports nothing from the engine.
 */
public interface OrganizationsPort {
  /** The organization the caller's account belongs to; empty when it belongs to none. */
  Optional<Organization> describeOrganization();

  /**
   * The accounts directly in one root or OU ({@code r-...} or {@code ou-...}), not in its child OUs
   * (ListAccountsForParent; management account or a delegated admin).
   */
  List<OrgAccount> listAccountsForParent(String parentId);

  /** The ids of the OUs directly under one root or OU (ListOrganizationalUnitsForParent). */
  List<String> listOrganizationalUnits(String parentId);

  /** The root ids ({@code r-...}); an organization has exactly one. */
  List<String> listRoots();

  /** Whether the OU ({@code ou-...}) exists in this organization. */
  boolean organizationalUnitExists(String organizationalUnitId);

  /** The service principals with trusted access, e.g. {@code guardduty.amazonaws.com}. */
  Set<String> servicesWithAccess();

  /** Turns on trusted access for one service principal. */
  void enableServiceAccess(String servicePrincipal);

  /** The delegated administrator account ids registered for a service principal. */
  List<String> delegatedAdministrators(String servicePrincipal);

  /** The organization: its id ({@code o-...}), management account, and feature set. */
  record Organization(String id, String managementAccountId, boolean allFeatures) {}

  /** One account of the organization. */
  record OrgAccount(String id, String name, String email, AccountState state) {
    /** Only active accounts can become GuardDuty members or receive stack instances. */
    public boolean active() {
      return state == AccountState.ACTIVE;
    }
  }

  /**
   * Organizations' account lifecycle ({@code State}; the older {@code Status} maps onto it).
   * Suspended and closed accounts are skipped by every org plan.
   */
  enum AccountState {
    PENDING_ACTIVATION,
    ACTIVE,
    SUSPENDED,
    PENDING_CLOSURE,
    CLOSED,
    UNKNOWN
  }
}
