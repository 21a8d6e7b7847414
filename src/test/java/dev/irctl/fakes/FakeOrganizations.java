package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.OrganizationsPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An organization in memory: accounts with their state and OU, OUs, trusted access and delegated
 * administrators. Lists are served in pages of {@link #PAGE} so callers that count calls see the
 * paging cost (one recorded call per page). The list calls wait their latency outside the fake's
 * lock, so parallel callers overlap as they do against AWS.
 */
public final class FakeOrganizations implements OrganizationsPort {
  /** The maximum page size of every Organizations list (ListAccountsForParent, ListRoots...). */
  public static final int PAGE = 20;

  public static final String ROOT = "r-abcd";
  private static final String GLOBAL = "global";

  private final CallLog log;
  private Organization organization;
  private final Map<String, OrgAccount> accounts = new LinkedHashMap<>();
  private final Map<String, String> parentOf = new LinkedHashMap<>();
  private final Set<String> units = new LinkedHashSet<>();
  private final Map<String, String> parentOfUnit = new LinkedHashMap<>();
  private final Set<String> servicesWithAccess = new LinkedHashSet<>();
  private final Map<String, List<String>> delegated = new LinkedHashMap<>();

  FakeOrganizations(CallLog log) {
    this.log = log;
  }

  /** Makes the fake account the management account of a new organization with all features. */
  public synchronized FakeOrganizations organization(String id, String managementAccountId) {
    organization = new Organization(id, managementAccountId, true);
    units.add(ROOT);
    return this;
  }

  public synchronized FakeOrganizations unit(String ouId) {
    return unit(ouId, ROOT);
  }

  /** An OU under {@code parentId} (the root or another OU). */
  public synchronized FakeOrganizations unit(String ouId, String parentId) {
    units.add(ouId);
    parentOfUnit.putIfAbsent(ouId, parentId);
    return this;
  }

  /** Adds an account (and its OU) to the organization. */
  public synchronized FakeOrganizations account(String id, AccountState state, String ouId) {
    if (!ouId.equals(ROOT)) {
      unit(ouId);
    }
    accounts.put(id, new OrgAccount(id, "account-" + id, id + "@example.com", state));
    parentOf.put(id, ouId);
    return this;
  }

  /** Adds {@code count} active accounts 100000000000, 100000000001, ... in the OU. */
  public synchronized FakeOrganizations accounts(int count, String ouId) {
    long first = 100_000_000_000L + accounts.size();
    for (int i = 0; i < count; i++) {
      account(String.valueOf(first + i), AccountState.ACTIVE, ouId);
    }
    return this;
  }

  public synchronized FakeOrganizations delegatedAdministrator(String principal, String account) {
    delegated.computeIfAbsent(principal, p -> new ArrayList<>()).add(account);
    return this;
  }

  /** The active accounts whose parent is one of the OUs (the root means every account). */
  public synchronized List<String> activeAccountsIn(List<String> ouIds) {
    return accounts.values().stream()
        .filter(OrgAccount::active)
        .filter(a -> ouIds.contains(ROOT) || ouIds.contains(parentOf.get(a.id())))
        .map(OrgAccount::id)
        .toList();
  }

  public synchronized String parentOf(String accountId) {
    return parentOf.get(accountId);
  }

  public synchronized Set<String> trustedServices() {
    return Set.copyOf(servicesWithAccess);
  }

  @Override
  public synchronized Optional<Organization> describeOrganization() {
    log.record(GLOBAL, "organizations:DescribeOrganization", false);
    return Optional.ofNullable(organization);
  }

  @Override
  public List<OrgAccount> listAccountsForParent(String parentId) {
    return children(
        "organizations:ListAccountsForParent",
        parentId,
        () -> accounts.values().stream().filter(a -> parentId.equals(parentOf.get(a.id()))));
  }

  @Override
  public List<String> listOrganizationalUnits(String parentId) {
    return children(
        "organizations:ListOrganizationalUnitsForParent",
        parentId,
        () ->
            parentOfUnit.entrySet().stream()
                .filter(e -> e.getValue().equals(parentId))
                .map(Map.Entry::getKey));
  }

  /** What is directly under a parent, read under the lock, then paged outside it. */
  private <T> List<T> children(
      String action,
      String parentId,
      java.util.function.Supplier<java.util.stream.Stream<T>> found) {
    List<T> items;
    synchronized (this) {
      requireParent(action, parentId);
      items = found.get().toList();
    }
    return paged(action, items);
  }

  /** One recorded call (and latency) per page of {@link #PAGE}, outside the lock. */
  private <T> List<T> paged(String action, List<T> items) {
    for (int from = 0; from == 0 || from < items.size(); from += PAGE) {
      log.record(GLOBAL, action, false);
    }
    return items;
  }

  private void requireParent(String action, String parentId) {
    requireOrganization(action);
    if (!units.contains(parentId)) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          action,
          "ParentNotFoundException: We can't find a root or OU with the ParentId that you"
              + " specified.");
    }
  }

  @Override
  public synchronized List<String> listRoots() {
    requireOrganization("organizations:ListRoots");
    log.record(GLOBAL, "organizations:ListRoots", false);
    return List.of(ROOT);
  }

  @Override
  public synchronized boolean organizationalUnitExists(String organizationalUnitId) {
    requireOrganization("organizations:DescribeOrganizationalUnit");
    log.record(GLOBAL, "organizations:DescribeOrganizationalUnit", false);
    return !organizationalUnitId.equals(ROOT) && units.contains(organizationalUnitId);
  }

  @Override
  public synchronized Set<String> servicesWithAccess() {
    requireOrganization("organizations:ListAWSServiceAccessForOrganization");
    log.record(GLOBAL, "organizations:ListAWSServiceAccessForOrganization", false);
    return Set.copyOf(servicesWithAccess);
  }

  @Override
  public synchronized void enableServiceAccess(String servicePrincipal) {
    requireOrganization("organizations:EnableAWSServiceAccess");
    log.record(GLOBAL, "organizations:EnableAWSServiceAccess", true);
    servicesWithAccess.add(servicePrincipal);
  }

  @Override
  public synchronized List<String> delegatedAdministrators(String servicePrincipal) {
    requireOrganization("organizations:ListDelegatedAdministrators");
    log.record(GLOBAL, "organizations:ListDelegatedAdministrators", false);
    return List.copyOf(delegated.getOrDefault(servicePrincipal, List.of()));
  }

  private void requireOrganization(String action) {
    if (organization == null) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          action,
          "AWSOrganizationsNotInUseException: Your account is not a member of an organization.");
    }
  }
}
