package dev.irctl.fakes;

import dev.irctl.engine.port.GuardDutyOrgPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GuardDuty's organization side in one region, in memory: the delegated admin, the organization
 * configuration and the members. Batch calls reject more than {@link #MAX_ACCOUNTS_PER_CALL}
 * accounts like GuardDuty does; ListMembers serves pages of 50 (one recorded call each).
 */
public final class FakeGuardDutyOrg implements GuardDutyOrgPort {
  public static final int PAGE = 50;

  private final String region;
  private final CallLog log;
  private final List<AdminAccount> admins = new ArrayList<>();
  private AutoEnable members = AutoEnable.NONE;
  private final Map<String, AutoEnable> features = new LinkedHashMap<>();
  private final Map<String, Member> memberships = new LinkedHashMap<>();
  private final String adminAccountId;

  FakeGuardDutyOrg(String region, String adminAccountId, CallLog log) {
    this.region = region;
    this.adminAccountId = adminAccountId;
    this.log = log;
  }

  public synchronized FakeGuardDutyOrg admin(String accountId) {
    admins.add(new AdminAccount(accountId, "ENABLED"));
    return this;
  }

  public synchronized FakeGuardDutyOrg member(String accountId, String relationshipStatus) {
    memberships.put(accountId, new Member(accountId, relationshipStatus, adminAccountId));
    return this;
  }

  public synchronized OrgConfiguration configuration() {
    return new OrgConfiguration(members, features, false);
  }

  public synchronized Map<String, Member> members() {
    return Map.copyOf(memberships);
  }

  @Override
  public synchronized List<AdminAccount> organizationAdmins() {
    log.record(region, "guardduty:ListOrganizationAdminAccounts", false);
    return List.copyOf(admins);
  }

  @Override
  public synchronized void enableOrganizationAdmin(String accountId) {
    log.record(region, "guardduty:EnableOrganizationAdminAccount", true);
    if (admins.stream().anyMatch(a -> !a.accountId().equals(accountId))) {
      throw new IllegalStateException("another delegated administrator exists in " + region);
    }
    if (admins.isEmpty()) {
      admins.add(new AdminAccount(accountId, "ENABLED"));
    }
  }

  @Override
  public synchronized void disableOrganizationAdmin(String accountId) {
    log.record(region, "guardduty:DisableOrganizationAdminAccount", true);
    admins.removeIf(a -> a.accountId().equals(accountId));
  }

  @Override
  public synchronized OrgConfiguration describeOrganizationConfiguration(String detectorId) {
    log.record(region, "guardduty:DescribeOrganizationConfiguration", false);
    return configuration();
  }

  @Override
  public synchronized void updateOrganizationConfiguration(
      String detectorId, AutoEnable members, Map<String, AutoEnable> features) {
    log.record(region, "guardduty:UpdateOrganizationConfiguration", true);
    this.members = members;
    this.features.putAll(features);
  }

  @Override
  public synchronized List<Member> listMembers(String detectorId) {
    List<Member> all = List.copyOf(memberships.values());
    for (int from = 0; from == 0 || from < all.size(); from += PAGE) {
      log.record(region, "guardduty:ListMembers", false);
    }
    return all;
  }

  /** One call per batch, recorded outside the lock, so a region's batches run in parallel. */
  @Override
  public List<Member> getMembers(String detectorId, List<String> accountIds) {
    if (accountIds.size() > MAX_ACCOUNTS_PER_CALL) {
      throw new IllegalArgumentException("GetMembers takes at most 50 accounts");
    }
    List<Member> found = new ArrayList<>();
    synchronized (this) {
      accountIds.stream().map(memberships::get).filter(m -> m != null).forEach(found::add);
    }
    log.record(region, "guardduty:GetMembers", false);
    return found;
  }

  @Override
  public synchronized List<Unprocessed> createMembers(
      String detectorId, List<MemberAccount> accounts) {
    List<Unprocessed> unprocessed = new ArrayList<>();
    for (List<MemberAccount> batch : batches(accounts)) {
      log.record(region, "guardduty:CreateMembers", true);
      for (MemberAccount account : batch) {
        if (account.accountId().equals(adminAccountId)) {
          unprocessed.add(
              new Unprocessed(account.accountId(), "The request is rejected: admin account."));
        } else {
          memberships.put(
              account.accountId(), new Member(account.accountId(), "Enabled", adminAccountId));
        }
      }
    }
    return unprocessed;
  }

  @Override
  public synchronized List<Unprocessed> disassociateMembers(
      String detectorId, List<String> accountIds) {
    for (List<String> batch : batches(accountIds)) {
      log.record(region, "guardduty:DisassociateMembers", true);
      batch.forEach(
          id -> memberships.computeIfPresent(id, (k, m) -> new Member(k, "Removed", null)));
    }
    return List.of();
  }

  @Override
  public synchronized List<Unprocessed> deleteMembers(String detectorId, List<String> accountIds) {
    for (List<String> batch : batches(accountIds)) {
      log.record(region, "guardduty:DeleteMembers", true);
      batch.forEach(memberships::remove);
    }
    return List.of();
  }

  private static <T> List<List<T>> batches(List<T> items) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += MAX_ACCOUNTS_PER_CALL) {
      batches.add(items.subList(from, Math.min(items.size(), from + MAX_ACCOUNTS_PER_CALL)));
    }
    return batches;
  }
}
