package dev.irctl.engine.org;

import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.GuardDutyOrgPort.MemberAccount;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which organization accounts become GuardDuty members now, in one region: active accounts that are
 * not members (or were removed) are created; members are left as they are; suspended, closed and
 * other inactive accounts are skipped and listed; the administrator itself is never its own member.
 * For teardown: only members irctl created are disassociated and deleted.
 */
public final class MemberPlanner {
  /** Relationship statuses of an account that is a working member. */
  static final Set<String> PRESENT =
      Set.of("Enabled", "Created", "Invited", "EmailVerificationInProgress");

  private MemberPlanner() {}

  /**
   * @param toCreate active accounts to add
   * @param present accounts already members
   * @param skipped inactive accounts (suspended, closed, pending closure), never added
   */
  public record MemberPlan(
      String region, List<MemberAccount> toCreate, List<String> present, List<OrgAccount> skipped) {
    public MemberPlan {
      toCreate = List.copyOf(toCreate);
      present = List.copyOf(present);
      skipped = List.copyOf(skipped);
    }

    public Optional<OrgChange> change(String detectorId) {
      return toCreate.isEmpty()
          ? Optional.empty()
          : Optional.of(new OrgChange.CreateMembers(region, detectorId, toCreate));
    }
  }

  public static MemberPlan plan(
      String region, String adminAccountId, List<OrgAccount> accounts, List<Member> members) {
    Map<String, Member> byId =
        members.stream()
            .collect(Collectors.toMap(Member::accountId, Function.identity(), (a, b) -> a));
    List<MemberAccount> create = new ArrayList<>();
    List<String> present = new ArrayList<>();
    List<OrgAccount> skipped = new ArrayList<>();
    for (OrgAccount account : accounts) {
      if (account.id().equals(adminAccountId)) {
        continue;
      }
      if (!account.active()) {
        skipped.add(account);
        continue;
      }
      Member member = byId.get(account.id());
      if (member != null && PRESENT.contains(member.relationshipStatus())) {
        present.add(account.id());
      } else {
        create.add(new MemberAccount(account.id(), account.email()));
      }
    }
    return new MemberPlan(region, create, present, skipped);
  }

  /**
   * Teardown: the members irctl created (as recorded when it created them) that still exist are
   * removed; every other member is left alone and listed.
   */
  public record Removal(List<String> remove, List<String> leftAlone) {
    public Removal {
      remove = List.copyOf(remove);
      leftAlone = List.copyOf(leftAlone);
    }
  }

  public static Removal planRemoval(List<Member> members, Set<String> createdByIrctl) {
    List<String> remove = new ArrayList<>();
    List<String> leftAlone = new ArrayList<>();
    for (Member member : members) {
      (createdByIrctl.contains(member.accountId()) ? remove : leftAlone).add(member.accountId());
    }
    return new Removal(remove, leftAlone);
  }
}
