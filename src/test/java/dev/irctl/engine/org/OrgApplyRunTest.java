package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.engine.guardduty.DesiredDetector;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.port.StackSetsPort.OrganizationsAccess;
import dev.irctl.engine.region.RegionSelection;
import dev.irctl.engine.run.Mode;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.engine.run.Progress;
import dev.irctl.engine.run.RunResult;
import dev.irctl.engine.run.Runner;
import dev.irctl.fakes.FakePorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** org apply's parts through the real Runner on the fakes, as the command runs them. */
class OrgApplyRunTest {
  static final String ADMIN = FakePorts.ACCOUNT;
  static final String OU = "ou-abcd-11111111";
  static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-south-1");
  static final String HUB = "eu-west-1";
  static final String RULES_V1 = "{\"Resources\":{\"RuleA\":{\"Type\":\"AWS::Events::Rule\"}}}";
  static final String RULES_V2 = "{\"Resources\":{\"RuleB\":{\"Type\":\"AWS::Events::Rule\"}}}";
  static final String ROLE = "{\"Resources\":{\"Role\":{\"Type\":\"AWS::IAM::Role\"}}}";

  final List<String> progress = new ArrayList<>();

  static FakePorts organization() {
    FakePorts ports = new FakePorts();
    ports
        .organizationsFake()
        .organization("o-abc123", "999999999999")
        .account(ADMIN, AccountState.ACTIVE, OU)
        .account("200000000001", AccountState.ACTIVE, OU)
        .account("200000000002", AccountState.ACTIVE, OU)
        .account("200000000003", AccountState.SUSPENDED, OU)
        .account("200000000004", AccountState.CLOSED, OU);
    ports.stackSetsIn(HUB).access(OrganizationsAccess.ENABLED);
    return ports;
  }

  List<Part> parts(String rulesTemplate, boolean stackSets) {
    List<Part> parts = new ArrayList<>();
    parts.add(
        new GuardDutyPart(
            new DesiredDetector(FindingFrequency.FIFTEEN_MINUTES, Map.of(), List.of())));
    parts.add(
        new OrgMembersPart(
            new OrgConfigurationPlanner.Desired(
                AutoEnable.ALL, Map.of("S3_DATA_EVENTS", AutoEnable.ALL)),
            new OrgAccounts()));
    if (stackSets) {
      parts.add(new HubBusPolicyPart(HUB));
      parts.add(
          new StackSetPart(
              new StackSetPart.Desired(
                  rulesTemplate, ROLE, List.of(OU), HUB, OperationPreferences.defaults()),
              new OperationWait(Duration.ZERO, Duration.ofMinutes(1), d -> {}),
              progress::add));
    }
    return parts;
  }

  static RunResult run(FakePorts ports, List<Part> parts, Mode mode) {
    Runner runner = new Runner(ports, 4, Progress.NONE);
    return runner.run(
        runner.identify(),
        new RegionSelection(REGIONS, List.of(), Map.of(), List.of()),
        parts,
        mode,
        List.of());
  }

  static PartResult result(RunResult run, String part, String region) {
    return run.results().stream()
        .filter(r -> r.part().equals(part) && r.region().equals(region))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void membersMissingAreCreatedPresentKeptInactiveSkippedAndListedThenSecondRunWritesNothing() {
    FakePorts ports = organization();
    // eu-west-1: the admin's detector exists and one account is a member already.
    ports
        .guardDutyIn("eu-west-1")
        .existing(
            new dev.irctl.engine.port.Detector(
                "d-west", true, FindingFrequency.FIFTEEN_MINUTES, Map.of(), Map.of()));
    ports.guardDutyOrgIn("eu-west-1").member("200000000002", "Enabled");

    RunResult plan = run(ports, parts(RULES_V1, false), Mode.PLAN);
    PartResult west = result(plan, OrgMembersPart.NAME, "eu-west-1");
    assertThat(west.status()).isEqualTo(PartStatus.PENDING);
    assertThat(west.changes())
        .extracting(c -> c.resource())
        .containsExactly("guardduty organization configuration", "guardduty members (1 accounts)");
    assertThat(west.notes().warnings())
        .anyMatch(w -> w.contains("200000000003 (suspended)") && w.contains("200000000004"));
    assertThat(ports.log().writes()).isEmpty();

    ports.log().clear();
    RunResult apply = run(ports, parts(RULES_V1, false), Mode.APPLY);
    assertThat(apply.failed()).isZero();
    assertThat(ports.guardDutyOrgIn("eu-west-1").members().keySet())
        .containsExactlyInAnyOrder("200000000001", "200000000002");
    assertThat(ports.guardDutyOrgIn("us-east-1").members().keySet())
        .containsExactlyInAnyOrder("200000000001", "200000000002");
    assertThat(ports.guardDutyOrgIn("eu-west-1").configuration().members())
        .isEqualTo(AutoEnable.ALL);
    assertThat(ports.guardDutyOrgIn("eu-west-1").configuration().features())
        .containsEntry("S3_DATA_EVENTS", AutoEnable.ALL);
    // The detector came first: the members part planned after the guardduty part applied.
    assertThat(ports.guardDutyIn("ap-south-1").detector()).isPresent();
    // Only the members irctl made are in its record.
    assertThat(ports.memberLedgerIn("eu-west-1").members()).containsExactly("200000000001");
    assertThat(ports.memberLedgerIn("us-east-1").members())
        .containsExactlyInAnyOrder("200000000001", "200000000002");
    // The organization's account list is walked once per run, not once per region.
    assertThat(ports.log().matching(c -> c.endsWith("organizations:ListRoots"))).hasSize(1);

    ports.log().clear();
    RunResult second = run(ports, parts(RULES_V1, false), Mode.APPLY);
    assertThat(second.results()).extracting(PartResult::status).containsOnly(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void aFailedRegionNeverStopsTheOthersAndARerunConverges() {
    FakePorts ports = organization();
    ports
        .log()
        .fail(
            "us-east-1",
            "guardduty:CreateMembers",
            AwsCallException.Kind.SERVICE_ERROR,
            "InternalServerErrorException: try again");
    RunResult first = run(ports, parts(RULES_V1, false), Mode.APPLY);
    assertThat(result(first, OrgMembersPart.NAME, "us-east-1").status())
        .isEqualTo(PartStatus.FAILED);
    assertThat(result(first, OrgMembersPart.NAME, "us-east-1").error().get().message())
        .contains("InternalServerErrorException");
    assertThat(result(first, OrgMembersPart.NAME, "eu-west-1").status())
        .isEqualTo(PartStatus.APPLIED);
    assertThat(result(first, OrgMembersPart.NAME, "ap-south-1").status())
        .isEqualTo(PartStatus.APPLIED);

    ports.log().heal("us-east-1", "guardduty:CreateMembers");
    ports.log().clear();
    RunResult rerun = run(ports, parts(RULES_V1, false), Mode.APPLY);
    assertThat(rerun.failed()).isZero();
    assertThat(ports.log().writes())
        .allMatch(w -> w.startsWith("us-east-1 "))
        .anyMatch(w -> w.contains("guardduty:CreateMembers"));
    ports.log().clear();
    run(ports, parts(RULES_V1, false), Mode.APPLY);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void stackSetsAreCreatedWithInstancesEverywhereThenASecondRunStartsNoOperation() {
    FakePorts ports = organization();
    RunResult first = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(first.failed()).isZero();
    var rules = ports.stackSetsIn(HUB).stackSet(MemberRulesTemplate.RULES_STACK_SET).get();
    assertThat(rules.autoDeployment()).isTrue();
    assertThat(rules.parameters())
        .containsEntry(MemberRulesTemplate.PARAM_ACCOUNT, ADMIN)
        .containsEntry(MemberRulesTemplate.PARAM_HUB_REGION, HUB);
    // Active accounts of the OU, every region; the role in the hub only. The admin sits in the OU
    // but gets neither: its own hub rules and role would collide with the instances.
    assertThat(ports.stackSetsIn(HUB).instances(MemberRulesTemplate.RULES_STACK_SET))
        .hasSize(2 * REGIONS.size())
        .noneMatch(i -> i.account().equals(ADMIN));
    assertThat(ports.stackSetsIn(HUB).instances(MemberRulesTemplate.ROLE_STACK_SET))
        .hasSize(2)
        .allMatch(i -> i.region().equals(HUB))
        .noneMatch(i -> i.account().equals(ADMIN));
    // The role stack set goes before the rules that use it.
    List<String> writes = ports.log().writes();
    assertThat(writes.indexOf(HUB + " cloudformation:CreateStackSet (write)"))
        .isLessThan(writes.lastIndexOf(HUB + " cloudformation:CreateStackSet (write)"));
    assertThat(writes).contains(HUB + " events:PutPermission (write)");
    assertThat(progress).anyMatch(l -> l.contains("6 account-region(s) done, 0 failed"));

    ports.log().clear();
    RunResult second = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(second.results()).extracting(PartResult::status).containsOnly(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void thePlanSaysTheAdminIsLeftOutAndAnOutdatedAdminInstanceFromBeforeIsDeletedNotRetried() {
    FakePorts ports = organization();
    RunResult plan = run(ports, parts(RULES_V1, true), Mode.PLAN);
    assertThat(result(plan, StackSetPart.NAME, Part.GLOBAL).notes().warnings())
        .anyMatch(
            w ->
                w.contains("delegated administrator " + ADMIN + " is left out")
                    && w.contains("apply-rules with a hub region"));

    run(ports, parts(RULES_V1, true), Mode.APPLY);
    // Instances an earlier irctl deployed to the admin, one now OUTDATED: the create excludes the
    // admin, so a retry would repeat on every run without converging; they are deleted instead.
    ports
        .stackSetsIn(HUB)
        .instance(MemberRulesTemplate.RULES_STACK_SET, ADMIN, "eu-west-1", "CURRENT", "IN_SYNC")
        .instance(MemberRulesTemplate.RULES_STACK_SET, ADMIN, "us-east-1", "CURRENT", "IN_SYNC")
        .status(MemberRulesTemplate.RULES_STACK_SET, ADMIN, "us-east-1", "OUTDATED");
    ports.log().clear();
    RunResult cleanup = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(cleanup.failed()).isZero();
    assertThat(result(cleanup, StackSetPart.NAME, Part.GLOBAL).changes())
        .singleElement()
        .isInstanceOfSatisfying(
            OrgChange.DeleteExcludedInstances.class,
            d -> {
              assertThat(d.accounts()).containsExactly(ADMIN);
              assertThat(d.regions()).containsExactlyInAnyOrder("eu-west-1", "us-east-1");
              assertThat(d.describe().resource()).contains(ADMIN).contains("(2)");
            });
    assertThat(ports.log().writes())
        .containsExactly(HUB + " cloudformation:DeleteStackInstances (write)");
    // Only the admin's instances went; the members' stay.
    assertThat(ports.stackSetsIn(HUB).instances(MemberRulesTemplate.RULES_STACK_SET))
        .hasSize(2 * REGIONS.size())
        .noneMatch(i -> i.account().equals(ADMIN));

    ports.log().clear();
    RunResult again = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(result(again, StackSetPart.NAME, Part.GLOBAL).status())
        .isEqualTo(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void anAdminInstanceOfTheRoleStackSetIsKeptWithAWarningItsStackHoldsTheRole() {
    FakePorts ports = organization();
    run(ports, parts(RULES_V1, true), Mode.APPLY);
    ports
        .stackSetsIn(HUB)
        .instance(MemberRulesTemplate.ROLE_STACK_SET, ADMIN, HUB, "CURRENT", "IN_SYNC");
    ports.log().clear();

    RunResult again = run(ports, parts(RULES_V1, true), Mode.APPLY);

    PartResult stackSets = result(again, StackSetPart.NAME, Part.GLOBAL);
    assertThat(stackSets.status()).isEqualTo(PartStatus.IN_SYNC);
    assertThat(ports.log().writes()).isEmpty();
    assertThat(stackSets.notes().warnings())
        .anyMatch(
            w ->
                w.contains(MemberRulesTemplate.ROLE_STACK_SET + " has an instance")
                    && w.contains(ADMIN)
                    && w.contains("--retain-stacks"));
    assertThat(ports.stackSetsIn(HUB).instances(MemberRulesTemplate.ROLE_STACK_SET))
        .anyMatch(i -> i.account().equals(ADMIN));
  }

  @Test
  void aDriftedTemplateIsOneUpdateAndANewRegionGetsOnlyItsInstances() {
    FakePorts ports = organization();
    run(ports, parts(RULES_V1, true), Mode.APPLY);
    ports.log().clear();
    RunResult drift = run(ports, parts(RULES_V2, true), Mode.APPLY);
    assertThat(drift.failed()).isZero();
    assertThat(ports.log().writes())
        .containsExactly(HUB + " cloudformation:UpdateStackSet (write)");
    assertThat(
            ports
                .stackSetsIn(HUB)
                .stackSet(MemberRulesTemplate.RULES_STACK_SET)
                .get()
                .templateBody())
        .isEqualTo(RULES_V2);
  }

  @Test
  void aFailedStackInstanceIsNamedWithItsReasonTheRestDeployAndARerunRetriesIt() {
    FakePorts ports = organization();
    ports
        .stackSetsIn(HUB)
        .failInstance(
            "200000000001", "ap-south-1", "Resource limit exceeded: 300 rules on the bus");
    RunResult first = run(ports, parts(RULES_V1, true), Mode.APPLY);
    PartResult sets = result(first, StackSetPart.NAME, Part.GLOBAL);
    assertThat(sets.status()).isEqualTo(PartStatus.FAILED);
    assertThat(sets.error().get().message())
        .contains("200000000001 ap-south-1")
        .contains("Resource limit exceeded");
    assertThat(ports.stackSetsIn(HUB).instances(MemberRulesTemplate.RULES_STACK_SET))
        .filteredOn(i -> "CURRENT".equals(i.status()))
        .hasSize(5);
    // GuardDuty in every region went on regardless.
    assertThat(first.results())
        .filteredOn(r -> r.part().equals(OrgMembersPart.NAME))
        .extracting(PartResult::status)
        .containsOnly(PartStatus.APPLIED);

    ports.stackSetsIn(HUB).failInstance("200000000001", "ap-south-1", null);
    ports.log().clear();
    RunResult rerun = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(rerun.failed()).isZero();
    assertThat(ports.log().writes())
        .containsExactly(HUB + " cloudformation:CreateStackInstances (write)");
    ports.log().clear();
    run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(ports.log().writes()).isEmpty();
  }

  @Test
  void outdatedInstancesAreRetriedButInoperableOnesAreListedWithTheFixAndTheRunConverges() {
    FakePorts ports = organization();
    run(ports, parts(RULES_V1, true), Mode.APPLY);
    String rules = MemberRulesTemplate.RULES_STACK_SET;
    ports
        .stackSetsIn(HUB)
        .status(rules, "200000000001", "ap-south-1", "OUTDATED")
        .status(rules, "200000000002", "us-east-1", "INOPERABLE");

    PartResult plan =
        result(run(ports, parts(RULES_V1, true), Mode.PLAN), StackSetPart.NAME, "global");
    // Only the OUTDATED instance is retried: CreateStackInstances repeated with a new operation
    // id retries OUTDATED instances, never INOPERABLE ones (AWS's API reference).
    assertThat(plan.changes())
        .singleElement()
        .isInstanceOfSatisfying(
            OrgChange.RetryStackInstances.class,
            retry -> {
              assertThat(retry.instances()).isEqualTo(1);
              assertThat(retry.targets().regions()).containsExactly("ap-south-1");
            });
    assertThat(plan.notes().warnings())
        .anyMatch(
            w ->
                w.contains("INOPERABLE")
                    && w.contains("200000000002 in us-east-1")
                    && w.contains("--retain-stacks"));

    ports.log().clear();
    RunResult apply = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(ports.log().writes())
        .containsExactly(HUB + " cloudformation:CreateStackInstances (write)");
    assertThat(ports.stackSetsIn(HUB).instances(rules))
        .filteredOn(i -> !"CURRENT".equals(i.status()))
        .extracting(i -> i.account() + " " + i.region() + " " + i.status())
        .containsExactly("200000000002 us-east-1 INOPERABLE");
    assertThat(result(apply, StackSetPart.NAME, "global").status()).isEqualTo(PartStatus.APPLIED);

    // A re-run plans nothing more: an INOPERABLE instance is not re-planned run after run.
    ports.log().clear();
    RunResult again = run(ports, parts(RULES_V1, true), Mode.APPLY);
    assertThat(ports.log().writes()).isEmpty();
    assertThat(result(again, StackSetPart.NAME, "global").notes().warnings())
        .anyMatch(w -> w.contains("INOPERABLE"));
  }

  @Test
  void theHubBusPolicyKeepsForeignStatements() {
    FakePorts ports = organization();
    String foreign =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"partner\",\"Effect\":\"Allow\","
            + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
            + "\"Action\":\"events:PutEvents\",\"Resource\":\"*\"}]}";
    ports.eventBridgeIn(HUB).busPolicy("default", foreign);
    run(ports, parts(RULES_V1, true), Mode.APPLY);
    String policy = ports.eventBridgeIn(HUB).storedBusPolicy("default").get();
    assertThat(policy)
        .contains("\"partner\"")
        .contains(HubBusPolicy.SID)
        .contains("o-abc123")
        .contains("aws:PrincipalOrgID");
  }
}
