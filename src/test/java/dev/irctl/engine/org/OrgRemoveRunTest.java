package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.run.Mode;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.engine.run.RunResult;
import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrgRemoveRunTest {
  static List<Part> removal() {
    OperationWait wait = new OperationWait(Duration.ZERO, Duration.ofMinutes(1), d -> {});
    return List.of(
        new StackSetRemovePart(
            OrgApplyRunTest.HUB, OperationPreferences.defaults(), wait, line -> {}),
        new HubBusPolicyRemovePart(OrgApplyRunTest.HUB),
        new OrgMembersRemovePart());
  }

  @Test
  void removesInASafeOrderOnlyWhatIrctlMadeAndASecondRunWritesNothing() {
    FakePorts ports = OrgApplyRunTest.organization();
    OrgApplyRunTest.run(
        ports, new OrgApplyRunTest().parts(OrgApplyRunTest.RULES_V1, true), Mode.APPLY);
    // A member someone else added (an invitation) after irctl's run.
    ports.guardDutyOrgIn("us-east-1").member("300000000009", "Enabled");
    ports.log().clear();

    RunResult removed = OrgApplyRunTest.run(ports, removal(), Mode.APPLY);
    assertThat(removed.failed()).isZero();
    List<String> writes = ports.log().writes();
    String hub = OrgApplyRunTest.HUB;
    assertThat(writes)
        .containsSubsequence(
            hub + " cloudformation:DeleteStackInstances (write)",
            hub + " cloudformation:DeleteStackSet (write)",
            hub + " cloudformation:DeleteStackInstances (write)",
            hub + " cloudformation:DeleteStackSet (write)",
            hub + " events:RemovePermission (write)");
    assertThat(ports.stackSetsIn(hub).stackSet(MemberRulesTemplate.RULES_STACK_SET)).isEmpty();
    assertThat(ports.stackSetsIn(hub).stackSet(MemberRulesTemplate.ROLE_STACK_SET)).isEmpty();
    assertThat(ports.guardDutyOrgIn("us-east-1").members().keySet())
        .containsExactly("300000000009");
    assertThat(ports.guardDutyOrgIn("us-east-1").configuration().members())
        .isEqualTo(AutoEnable.NONE);
    PartResult east =
        removed.results().stream()
            .filter(
                r -> r.part().equals(OrgMembersRemovePart.NAME) && r.region().equals("us-east-1"))
            .findFirst()
            .get();
    assertThat(east.notes().warnings())
        .anyMatch(w -> w.contains("left alone 1 member(s)") && w.contains("300000000009"))
        .anyMatch(w -> w.contains("kept the administrator's own detector"));
    assertThat(ports.guardDutyIn("us-east-1").detector()).isPresent();
    assertThat(ports.memberLedgerIn("us-east-1").members()).isEmpty();

    ports.log().clear();
    RunResult again = OrgApplyRunTest.run(ports, removal(), Mode.APPLY);
    assertThat(again.results()).extracting(PartResult::status).containsOnly(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void aStackSetWithoutIrctlsTagIsLeftAloneAndListed() {
    FakePorts ports = OrgApplyRunTest.organization();
    ports
        .stackSetsIn(OrgApplyRunTest.HUB)
        .createStackSet(
            new dev.irctl.engine.port.StackSetsPort.StackSetSpec(
                MemberRulesTemplate.RULES_STACK_SET,
                "someone else's",
                "{}",
                java.util.Map.of(),
                java.util.Map.of(),
                true,
                false));
    ports.log().clear();
    RunResult removed = OrgApplyRunTest.run(ports, removal(), Mode.APPLY);
    PartResult sets =
        removed.results().stream()
            .filter(r -> r.part().equals(StackSetRemovePart.NAME))
            .findFirst()
            .get();
    assertThat(sets.notes().warnings()).anyMatch(w -> w.contains("left alone stack set"));
    assertThat(ports.log().writes()).noneMatch(w -> w.contains("cloudformation"));
    assertThat(ports.stackSetsIn(OrgApplyRunTest.HUB).stackSet(MemberRulesTemplate.RULES_STACK_SET))
        .isPresent();
  }
}
