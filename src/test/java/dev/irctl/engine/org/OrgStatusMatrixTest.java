package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.status.GuardDutyStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One cell of the org status matrix, from members and stack instances as AWS lists them. */
class OrgStatusMatrixTest {
  static final String ADMIN = "222233334444";
  static final String MANAGEMENT = "999988887777";
  static final String ACCOUNT = "100000000000";
  static final String REGION = "eu-west-1";
  static final GuardDutyStatus ENABLED =
      new GuardDutyStatus("enabled", Optional.of("d-1"), Optional.empty(), List.of());

  static Stream<Arguments> cells() {
    return Stream.of(
        // name, account, state, member status (null: none), instance status (null: none), drift,
        // expected guardduty, expected stack, gap
        Arguments.of(
            "member present",
            ACCOUNT,
            AccountState.ACTIVE,
            "Enabled",
            "CURRENT",
            "IN_SYNC",
            "enabled",
            "current",
            false),
        Arguments.of(
            "member missing",
            ACCOUNT,
            AccountState.ACTIVE,
            null,
            "CURRENT",
            "IN_SYNC",
            "missing",
            "current",
            true),
        Arguments.of(
            "member created, not enabled",
            ACCOUNT,
            AccountState.ACTIVE,
            "Created",
            "CURRENT",
            "IN_SYNC",
            "created",
            "current",
            true),
        Arguments.of(
            "suspended account is skipped",
            ACCOUNT,
            AccountState.SUSPENDED,
            null,
            null,
            null,
            "skipped",
            "-",
            false),
        Arguments.of(
            "suspended member stays skipped",
            ACCOUNT,
            AccountState.SUSPENDED,
            "AccountSuspended",
            null,
            null,
            "skipped",
            "-",
            false),
        Arguments.of(
            "admin with its detector",
            ADMIN,
            AccountState.ACTIVE,
            null,
            "CURRENT",
            "NOT_CHECKED",
            "admin",
            "current",
            false),
        Arguments.of(
            "outdated instance",
            ACCOUNT,
            AccountState.ACTIVE,
            "Enabled",
            "OUTDATED",
            "NOT_CHECKED",
            "enabled",
            "outdated",
            true),
        Arguments.of(
            "drifted instance",
            ACCOUNT,
            AccountState.ACTIVE,
            "Enabled",
            "CURRENT",
            "DRIFTED",
            "enabled",
            "current",
            true),
        Arguments.of(
            "no instance is shown, not a gap",
            ACCOUNT,
            AccountState.ACTIVE,
            "Enabled",
            null,
            null,
            "enabled",
            "none",
            false),
        Arguments.of(
            "admin gets no instance (org apply leaves it out): none shown, not a gap",
            ADMIN,
            AccountState.ACTIVE,
            null,
            null,
            null,
            "admin",
            "-",
            false),
        Arguments.of(
            "management account gets no instance",
            MANAGEMENT,
            AccountState.ACTIVE,
            "Enabled",
            null,
            null,
            "enabled",
            "-",
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cells")
  void cell(
      String name,
      String account,
      AccountState state,
      String member,
      String instance,
      String drift,
      String guardDuty,
      String stack,
      boolean gap) {
    List<Member> members = member == null ? List.of() : List.of(new Member(account, member, ADMIN));
    List<StackInstance> instances =
        instance == null
            ? List.of(
                new StackInstance(
                    "333333333333", REGION, "ou-x", "CURRENT", "SUCCEEDED", null, "IN_SYNC"))
            : List.of(
                new StackInstance(account, REGION, "ou-x", instance, "SUCCEEDED", null, drift));

    OrgStatusMatrix matrix =
        OrgStatusMatrix.of(
            ADMIN,
            MANAGEMENT,
            Optional.of(List.of(new OrgAccount(account, "a", "a@example.com", state))),
            List.of(REGION),
            Map.of(REGION, ENABLED),
            Map.of(REGION, members),
            Map.of(REGION, Optional.of(instances)));

    OrgStatusMatrix.Cell cell = matrix.rows().get(0).cells().get(0);
    assertThat(cell.guardDuty()).isEqualTo(guardDuty);
    assertThat(cell.stack()).isEqualTo(stack);
    assertThat(cell.gap()).isEqualTo(gap);
    assertThat(matrix.gaps()).isEqualTo(gap ? 1 : 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regionsNotRead")
  void aRegionThatCouldNotBeReadIsUnknownNotAGap(String name, boolean stackSetExists) {
    OrgStatusMatrix matrix =
        OrgStatusMatrix.of(
            ADMIN,
            MANAGEMENT,
            Optional.of(
                List.of(new OrgAccount(ACCOUNT, "a", "a@example.com", AccountState.ACTIVE))),
            List.of(REGION),
            Map.of(),
            Map.of(),
            stackSetExists
                ? Map.of(REGION, Optional.of(List.of()))
                : Map.of(REGION, Optional.empty()));

    OrgStatusMatrix.Cell cell = matrix.rows().get(0).cells().get(0);
    assertThat(cell.guardDuty()).isEqualTo("unknown");
    assertThat(cell.stack()).isEqualTo(stackSetExists ? "none" : "-");
    assertThat(cell.gap()).isFalse();
    assertThat(matrix.stackSetExists()).isEqualTo(stackSetExists);
  }

  static Stream<Arguments> regionsNotRead() {
    return Stream.of(
        Arguments.of("no stack set", false), Arguments.of("stack set, no instance", true));
  }

  @org.junit.jupiter.api.Test
  void withoutTheAccountListTheMatrixHasTheAccountsMembersAndInstancesName() {
    OrgStatusMatrix matrix =
        OrgStatusMatrix.of(
            ADMIN,
            MANAGEMENT,
            Optional.empty(),
            List.of(REGION),
            Map.of(REGION, ENABLED),
            Map.of(REGION, List.of(new Member(ACCOUNT, "Enabled", ADMIN))),
            Map.of(REGION, Optional.empty()));

    assertThat(matrix.accountsRead()).isFalse();
    assertThat(matrix.rows())
        .extracting(OrgStatusMatrix.Row::accountId)
        .containsExactly(ACCOUNT, ADMIN);
  }
}
