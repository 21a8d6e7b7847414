package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;

/**
 * GuardDuty's organization side in one region: the delegated administrator (called from the
 * management account) and the organization configuration and members (called from the delegated
 * administrator, on its own detector).
 */
public interface GuardDutyOrgPort {
  /**
   * GuardDuty takes at most this many accounts per CreateMembers, DisassociateMembers, ... call.
   */
  int MAX_ACCOUNTS_PER_CALL = 50;

  /** The region's delegated administrator accounts (at most one is ENABLED). */
  List<AdminAccount> organizationAdmins();

  void enableOrganizationAdmin(String accountId);

  void disableOrganizationAdmin(String accountId);

  OrgConfiguration describeOrganizationConfiguration(String detectorId);

  /**
   * Sets the members' auto-enable and each named feature's auto-enable; features not named are left
   * as they are. Never sends the deprecated {@code autoEnable} flag.
   */
  void updateOrganizationConfiguration(
      String detectorId, AutoEnable members, Map<String, AutoEnable> features);

  /** Every member, associated or not, read to the last page. */
  List<Member> listMembers(String detectorId);

  /**
   * The members among these accounts (at most {@link #MAX_ACCOUNTS_PER_CALL}, one GetMembers call);
   * an account that is no member is left out.
   */
  List<Member> getMembers(String detectorId, List<String> accountIds);

  /**
   * Makes the accounts members (batched by {@link #MAX_ACCOUNTS_PER_CALL}); returns the accounts
   * GuardDuty did not process, with its reason.
   */
  List<Unprocessed> createMembers(String detectorId, List<MemberAccount> accounts);

  List<Unprocessed> disassociateMembers(String detectorId, List<String> accountIds);

  List<Unprocessed> deleteMembers(String detectorId, List<String> accountIds);

  /** A delegated administrator and its status ({@code ENABLED}, {@code DISABLE_IN_PROGRESS}). */
  record AdminAccount(String accountId, String status) {
    public boolean enabled() {
      return "ENABLED".equals(status);
    }
  }

  /**
   * GuardDuty's auto-enable values: {@code ALL} covers existing and new accounts, {@code NEW} only
   * accounts that join later, {@code NONE} none (and does not disable existing members).
   */
  enum AutoEnable {
    ALL,
    NEW,
    NONE
  }

  /** The organization configuration: members' and features' auto-enable, by feature name. */
  record OrgConfiguration(
      AutoEnable members, Map<String, AutoEnable> features, boolean memberLimitReached) {
    public OrgConfiguration {
      features = Map.copyOf(features);
    }
  }

  /** An account to add, with the e-mail GuardDuty requires. */
  record MemberAccount(String accountId, String email) {}

  /**
   * A member as GuardDuty lists it; {@code relationshipStatus} is e.g. {@code Enabled}, {@code
   * Created}, {@code Removed}, {@code Disabled}, {@code AccountSuspended}.
   */
  record Member(String accountId, String relationshipStatus, String administratorId) {}

  /** An account a batch call did not process, and GuardDuty's reason. */
  record Unprocessed(String accountId, String reason) {}
}
