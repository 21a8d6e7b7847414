package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.org.StackSetPlanner.Targets;
import dev.irctl.engine.port.GuardDutyOrgPort;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Plans applied through the fakes converge: the second plan is empty and makes no writes. */
class OrgFakesFlowTest {
  private static final String OU = "ou-ab12-34567890";
  private final FakePorts aws = new FakePorts();

  private List<OrgChange> planStackSet(StackSetsPort port, StackSetSpec spec, Targets targets) {
    return StackSetPlanner.plan(
        "eu-west-1",
        spec,
        targets,
        port.describeStackSet(spec.name()),
        port.describeStackSet(spec.name()).isPresent()
            ? port.listStackInstances(spec.name())
            : List.of());
  }

  private void apply(StackSetsPort port, List<OrgChange> changes) {
    for (OrgChange change : changes) {
      if (change instanceof OrgChange.CreateStackSet create) {
        port.createStackSet(create.spec());
      } else if (change instanceof OrgChange.UpdateStackSet update) {
        port.updateStackSet(update.spec(), OperationPreferences.defaults());
      } else if (change instanceof OrgChange.CreateStackInstances instances) {
        port.createStackInstances(
            instances.stackSet(),
            instances.targets().organizationalUnitIds(),
            List.of(),
            instances.targets().regions(),
            OperationPreferences.defaults());
      }
    }
  }

  @Test
  void stackSetPlanAppliedThenReplannedIsEmptyAndAFailedInstanceHasItsReason() {
    aws.organizationsFake()
        .organization("o-abc123", "999900001111")
        .accounts(3, OU)
        .account("100000000099", AccountState.SUSPENDED, OU);
    StackSetsPort port =
        aws.stackSetsIn("eu-west-1")
            .access(StackSetsPort.OrganizationsAccess.ENABLED)
            .failInstance("100000000001", "us-east-1", "Role irctl-event-forwarder already exists")
            .runningPolls(2);
    StackSetSpec spec =
        new StackSetSpec(
            "irctl-member-rules",
            "d",
            "{\"Resources\":{}}",
            Map.of(),
            Map.of("managed-by", "irctl"),
            true,
            false);
    Targets targets = new Targets(List.of(OU), List.of("eu-west-1", "us-east-1"));

    List<OrgChange> first = planStackSet(port, spec, targets);
    apply(port, first);
    String operation =
        port.createStackInstances(
            spec.name(),
            List.of(OU),
            List.of(),
            List.of("us-east-1"),
            OperationPreferences.defaults());
    OperationWait.Outcome outcome =
        new OperationWait(Duration.ZERO, Duration.ZERO, d -> {})
            .await(port, spec.name(), operation, op -> {});
    aws.log().clear();
    List<OrgChange> second = planStackSet(port, spec, targets);

    assertThat(first).hasSize(2);
    assertThat(aws.stackSetsIn("eu-west-1").instances(spec.name())).hasSize(6);
    assertThat(outcome.operation().status()).isEqualTo("FAILED");
    assertThat(outcome.failed())
        .singleElement()
        .satisfies(r -> assertThat(r.statusReason()).contains("already exists"));
    assertThat(second).isEmpty();
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void membersPlanAppliedThenReplannedIsEmpty() {
    aws.organizationsFake()
        .organization("o-abc123", "999900001111")
        .accounts(120, OU)
        .account("100000000999", AccountState.CLOSED, OU);
    GuardDutyOrgPort guardDuty = aws.guardDutyOrg("eu-west-1");
    Parallel parallel = new Parallel();

    MemberPlanner.MemberPlan first =
        MemberPlanner.plan(
            "eu-west-1",
            FakePorts.ACCOUNT,
            new OrgAccounts().get(aws.organizations(), parallel),
            guardDuty.listMembers("d1"));
    assertThat(guardDuty.createMembers("d1", first.toCreate())).isEmpty();
    aws.log().clear();
    MemberPlanner.MemberPlan second =
        MemberPlanner.plan(
            "eu-west-1",
            FakePorts.ACCOUNT,
            new OrgAccounts().get(aws.organizations(), parallel),
            guardDuty.listMembers("d1"));

    assertThat(first.toCreate()).hasSize(120);
    assertThat(first.skipped()).extracting(a -> a.id()).containsExactly("100000000999");
    assertThat(second.toCreate()).isEmpty();
    assertThat(second.present()).hasSize(120);
    assertThat(aws.log().writes()).isEmpty();
    parallel.close();
    // 121 accounts of one OU in pages of 20 (the root has none), 120 members in pages of 50.
    assertThat(aws.log().matching(c -> c.contains("ListAccountsForParent"))).hasSize(1 + 7);
    assertThat(aws.log().matching(c -> c.contains("ListMembers"))).hasSize(3);
  }
}
