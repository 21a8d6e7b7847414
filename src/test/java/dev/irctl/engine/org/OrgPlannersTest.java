package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.org.DelegatedAdminPlanner.Status;
import dev.irctl.engine.org.OrgConfigurationPlanner.Desired;
import dev.irctl.engine.port.GuardDutyOrgPort.AdminAccount;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.GuardDutyOrgPort.MemberAccount;
import dev.irctl.engine.port.GuardDutyOrgPort.OrgConfiguration;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OrgPlannersTest {
  private static final String ADMIN = "444455556666";
  private static final String OTHER = "777788889999";

  static Stream<Arguments> delegation() {
    return Stream.of(
        Arguments.of("no admin", List.of(), Status.DESIGNATE, null),
        Arguments.of(
            "admin here", List.of(new AdminAccount(ADMIN, "ENABLED")), Status.ALREADY, ADMIN),
        Arguments.of(
            "admin elsewhere", List.of(new AdminAccount(OTHER, "ENABLED")), Status.REFUSED, OTHER),
        Arguments.of(
            "other admin still being disabled",
            List.of(new AdminAccount(OTHER, "DISABLE_IN_PROGRESS")),
            Status.REFUSED,
            OTHER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delegation")
  void delegatedAdminPerRegion(
      String name, List<AdminAccount> admins, Status expected, String existing) {
    DelegatedAdminPlanner.Decision decision =
        DelegatedAdminPlanner.plan("eu-west-1", ADMIN, admins);

    assertThat(decision.status()).isEqualTo(expected);
    assertThat(decision.existing()).isEqualTo(Optional.ofNullable(existing));
    assertThat(decision.change(ADMIN).isPresent()).isEqualTo(expected == Status.DESIGNATE);
    if (expected == Status.REFUSED) {
      assertThat(decision.refusal(ADMIN)).contains(OTHER).contains("eu-west-1");
    }
  }

  private static OrgAccount account(String id, AccountState state) {
    return new OrgAccount(id, "n" + id, id + "@example.com", state);
  }

  static Stream<Arguments> members() {
    String a = "100000000001";
    return Stream.of(
        Arguments.of("missing", account(a, AccountState.ACTIVE), null, "create"),
        Arguments.of("present", account(a, AccountState.ACTIVE), "Enabled", "present"),
        Arguments.of("removed earlier", account(a, AccountState.ACTIVE), "Removed", "create"),
        Arguments.of("suspended", account(a, AccountState.SUSPENDED), null, "skipped"),
        Arguments.of("closed", account(a, AccountState.CLOSED), null, "skipped"),
        Arguments.of("pending closure", account(a, AccountState.PENDING_CLOSURE), null, "skipped"),
        Arguments.of("the admin itself", account(ADMIN, AccountState.ACTIVE), null, "none"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("members")
  void membersPerRegion(String name, OrgAccount account, String relationship, String expected) {
    List<Member> existing =
        relationship == null ? List.of() : List.of(new Member(account.id(), relationship, ADMIN));

    MemberPlanner.MemberPlan plan =
        MemberPlanner.plan("eu-west-1", ADMIN, List.of(account), existing);

    assertThat(plan.toCreate())
        .isEqualTo(
            expected.equals("create")
                ? List.of(new MemberAccount(account.id(), account.email()))
                : List.of());
    assertThat(plan.present())
        .isEqualTo(expected.equals("present") ? List.of(account.id()) : List.of());
    assertThat(plan.skipped()).isEqualTo(expected.equals("skipped") ? List.of(account) : List.of());
    assertThat(plan.change("d1").isPresent()).isEqualTo(expected.equals("create"));
  }

  @Test
  void removalTouchesOnlyMembersIrctlCreated() {
    List<Member> members =
        List.of(
            new Member("100000000001", "Enabled", ADMIN),
            new Member("100000000002", "Enabled", ADMIN));

    MemberPlanner.Removal removal = MemberPlanner.planRemoval(members, Set.of("100000000002"));

    assertThat(removal.remove()).containsExactly("100000000002");
    assertThat(removal.leftAlone()).containsExactly("100000000001");
  }

  static Stream<Arguments> configuration() {
    return Stream.of(
        Arguments.of(
            "default ALL from NONE",
            Desired.allMembers(),
            new OrgConfiguration(AutoEnable.NONE, Map.of(), false),
            List.of("autoEnableOrganizationMembers")),
        Arguments.of(
            "ALL already",
            Desired.allMembers(),
            new OrgConfiguration(AutoEnable.ALL, Map.of("S3_DATA_EVENTS", AutoEnable.NEW), false),
            List.of()),
        Arguments.of(
            "NEW asked, ALL set",
            new Desired(AutoEnable.NEW, Map.of()),
            new OrgConfiguration(AutoEnable.ALL, Map.of(), false),
            List.of("autoEnableOrganizationMembers")),
        Arguments.of(
            "feature auto-enable differs",
            new Desired(AutoEnable.ALL, Map.of("RDS_LOGIN_EVENTS", AutoEnable.ALL)),
            new OrgConfiguration(AutoEnable.ALL, Map.of("RDS_LOGIN_EVENTS", AutoEnable.NEW), false),
            List.of("feature RDS_LOGIN_EVENTS autoEnable")),
        Arguments.of(
            "feature equal",
            new Desired(AutoEnable.ALL, Map.of("RDS_LOGIN_EVENTS", AutoEnable.ALL)),
            new OrgConfiguration(AutoEnable.ALL, Map.of("RDS_LOGIN_EVENTS", AutoEnable.ALL), false),
            List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("configuration")
  void organizationConfiguration(
      String name, Desired desired, OrgConfiguration actual, List<String> changedFields) {
    Optional<OrgChange> change = OrgConfigurationPlanner.plan("eu-west-1", "d1", desired, actual);

    assertThat(change.map(c -> c.diffs().stream().map(d -> d.field()).toList()).orElse(List.of()))
        .isEqualTo(changedFields);
    change.ifPresent(
        c -> {
          OrgChange.UpdateOrgConfiguration update = (OrgChange.UpdateOrgConfiguration) c;
          assertThat(update.members()).isEqualTo(desired.members());
          // Only the features that differ are sent; the rest are left as they are.
          assertThat(update.features().keySet())
              .allMatch(f -> actual.features().get(f) != desired.features().get(f));
        });
  }

  @Test
  void featuresTheUserDidNotNameAreNeverChanged() {
    OrgConfiguration actual =
        new OrgConfiguration(AutoEnable.NONE, Map.of("EKS_AUDIT_LOGS", AutoEnable.ALL), false);

    OrgChange.UpdateOrgConfiguration update =
        (OrgChange.UpdateOrgConfiguration)
            OrgConfigurationPlanner.plan("eu-west-1", "d1", Desired.allMembers(), actual)
                .orElseThrow();

    assertThat(update.features()).isEmpty();
  }
}
