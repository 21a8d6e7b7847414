package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code irctl org status} on the fakes, run from the delegated admin (the fakes' caller). */
class OrgStatusCommandTest {
  static final String MANAGEMENT = "999988887777";
  static final String OU = "ou-abcd-11111111";
  static final String SET = MemberRulesTemplate.RULES_STACK_SET;
  private final FakePorts aws = new FakePorts();

  private void organization() {
    aws.organizationsFake()
        .organization("o-abcd123456", MANAGEMENT)
        .delegatedAdministrator("guardduty.amazonaws.com", FakePorts.ACCOUNT)
        .account(FakePorts.ACCOUNT, AccountState.ACTIVE, OU)
        .account("100000000001", AccountState.ACTIVE, OU)
        .account("100000000002", AccountState.ACTIVE, OU)
        .account("100000000003", AccountState.SUSPENDED, OU);
    for (String region : List.of("us-east-1", "eu-west-1")) {
      aws.guardDutyIn(region)
          .existing(
              new Detector(
                  "d-" + region, true, FindingFrequency.FIFTEEN_MINUTES, Map.of(), Map.of()));
      aws.guardDutyOrgIn(region).member("100000000001", "Enabled");
    }
    aws.guardDutyOrgIn("us-east-1").member("100000000002", "Enabled");
    aws.stackSetsIn("us-east-1")
        .access(StackSetsPort.OrganizationsAccess.ENABLED)
        .createStackSet(
            new StackSetSpec(
                SET, "rules", "{}", Map.of(), Map.of("managed-by", "irctl"), true, false));
    for (String account : List.of(FakePorts.ACCOUNT, "100000000001", "100000000002")) {
      aws.stackSetsIn("us-east-1").instance(SET, account, "us-east-1", "CURRENT", "IN_SYNC");
    }
    aws.stackSetsIn("us-east-1").instance(SET, "100000000001", "eu-west-1", "CURRENT", "DRIFTED");
    aws.log().clear();
  }

  private CliRun status(String... more) {
    return CliRun.run(
        aws,
        List.of(
            "org",
            "status",
            "--region",
            "us-east-1,eu-west-1",
            "--hub-region",
            "us-east-1",
            "--no-color"),
        more);
  }

  @Test
  void showsEveryAccountInEveryRegionWithOneGetMembersBatchPerRegionAndNoWrite() {
    organization();

    CliRun run = status();

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("organization o-abcd123456 (management " + MANAGEMENT)
        .contains("4 accounts (3 active, 1 skipped), 2 regions")
        .contains("stack set irctl-member-rules in us-east-1 exists")
        .containsPattern("100000000001 +account-100000000001 +ACTIVE +E c +E d")
        .containsPattern("100000000002 +account-100000000002 +ACTIVE +E c +M n")
        .containsPattern("100000000003 +account-100000000003 +SUSPENDED +S - +S -")
        // The admin has no instance in eu-west-1: org apply leaves it out, so none is expected.
        .containsPattern(FakePorts.ACCOUNT + " .* +A c +A -")
        .contains("1/0/0/1/1 ")
        .contains("2 gaps over 4 accounts x 2 regions");
    assertThat(aws.log().writes()).isEmpty();
    List<String> calls = aws.log().calls();
    // The account list is walked once (root and its one OU), never ListAccounts' single chain.
    assertThat(calls).filteredOn(c -> c.endsWith("organizations:ListRoots")).hasSize(1);
    assertThat(calls).filteredOn(c -> c.endsWith("ListAccountsForParent")).hasSize(2);
    assertThat(calls).filteredOn(c -> c.endsWith("organizations:ListAccounts")).isEmpty();
    // The members among the walked accounts: one GetMembers of up to 50 per region, no pages.
    assertThat(calls).filteredOn(c -> c.endsWith("guardduty:GetMembers")).hasSize(2);
    assertThat(calls).filteredOn(c -> c.endsWith("guardduty:ListMembers")).isEmpty();
    assertThat(calls).filteredOn(c -> c.endsWith("cloudformation:ListStackInstances")).hasSize(2);
    assertThat(calls).noneMatch(c -> c.contains("DescribeStackInstance"));
  }

  @Test
  void whenTheAccountWalkFailsTheMembersAreListedAndTheRowsComeFromThem() {
    organization();
    aws.log()
        .fail(
            "global",
            "organizations:ListRoots",
            dev.irctl.engine.port.AwsCallException.Kind.ACCESS_DENIED,
            "not authorized to perform organizations:ListRoots");

    CliRun run = status();

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains("not authorized to perform organizations:ListRoots")
        .containsPattern("100000000001 .*E c +E d");
    assertThat(aws.log().calls()).filteredOn(c -> c.endsWith("guardduty:ListMembers")).hasSize(2);
    assertThat(aws.log().calls()).noneMatch(c -> c.endsWith("guardduty:GetMembers"));
  }

  @Test
  void jsonIsTheOneDocumentWithTheMatrixAndDetailedExitCodeReportsGaps() throws Exception {
    organization();

    CliRun run = status("--output", "json", "--detailed-exitcode");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("schemaVersion").asInt()).isEqualTo(2);
    assertThat(json.path("command").asText()).isEqualTo("org status");
    assertThat(json.path("totals").path("gaps").asInt()).isEqualTo(2);
    assertThat(json.path("organization").path("adminAccountId").asText())
        .isEqualTo(FakePorts.ACCOUNT);
    JsonNode eu = json.path("regionTotals").get(1);
    assertThat(eu.path("region").asText()).isEqualTo("eu-west-1");
    assertThat(eu.path("missing").asInt()).isEqualTo(1);
    assertThat(eu.path("instances").path("drifted").asInt()).isEqualTo(1);
  }

  @Test
  void withNoGapsDetailedExitCodeIsZero() {
    organization();
    CliRun run = CliRun.run(aws, "org", "status", "--region", "us-east-1", "--detailed-exitcode");

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
  }

  @Test
  void aFailedRegionIsNamedAndTheOthersAreShown() {
    organization();
    aws.log()
        .fail(
            "eu-west-1",
            "guardduty:GetMembers",
            dev.irctl.engine.port.AwsCallException.Kind.ACCESS_DENIED,
            "not authorized to perform guardduty:GetMembers");

    CliRun run = status();

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out())
        .contains("not authorized to perform guardduty:GetMembers")
        .containsPattern("100000000002 +account-100000000002 +ACTIVE +E c +\\? n");
  }

  @Test
  void withoutTheStackSetTheInstancesShowAsNone() {
    organization();
    aws.stackSetsIn("us-east-1").access(StackSetsPort.OrganizationsAccess.ENABLED);
    FakePorts fresh = new FakePorts();
    fresh
        .organizationsFake()
        .organization("o-abcd123456", MANAGEMENT)
        .delegatedAdministrator("guardduty.amazonaws.com", FakePorts.ACCOUNT)
        .account("100000000001", AccountState.ACTIVE, OU);

    CliRun run = CliRun.run(fresh, "org", "status", "--region", "us-east-1", "--no-color");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("stack set irctl-member-rules in us-east-1 not found")
        .containsPattern("100000000001 .* +M -")
        .containsPattern("us-east-1 +missing +0 +1");
  }

  @Test
  void fromAnotherAccountItNamesTheDelegatedAdministratorAndReadsNothingElse() {
    aws.organizationsFake()
        .organization("o-abcd123456", MANAGEMENT)
        .delegatedAdministrator("guardduty.amazonaws.com", "444455556666");

    CliRun run = status();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("delegated administrator account 444455556666")
        .contains("not " + FakePorts.ACCOUNT);
    assertThat(aws.log().calls()).noneMatch(c -> c.contains("guardduty:") || c.contains("ec2:"));
  }

  @Test
  void withoutADelegatedAdministratorItSaysToRunDelegateFirst() {
    aws.organizationsFake().organization("o-abcd123456", MANAGEMENT);

    CliRun run = status();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no GuardDuty delegated administrator").contains("org delegate");
  }

  @Test
  void withoutOrganizationsItSaysSo() {
    CliRun run = status();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("not in an AWS Organization");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void theHubRegionIsTheOneRegionNamedAndSeveralWithoutTheFlagAreAUsageError() {
    organization();

    CliRun one = CliRun.run(aws, "org", "status", "--region", "us-east-1", "--no-color");
    assertThat(one.exitCode()).as(one.err()).isEqualTo(0);
    assertThat(one.out()).contains("stack set irctl-member-rules in us-east-1 exists");

    aws.log().clear();
    CliRun several = CliRun.run(aws, "org", "status", "--region", "us-east-1,eu-west-1");
    assertThat(several.exitCode()).isEqualTo(2);
    assertThat(several.err())
        .contains("--hub-region")
        .contains("alerts.hubRegion")
        .contains("does not pick one by their order");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void theOldStackSetRegionFlagSaysWhatReplacedIt() {
    organization();

    CliRun run =
        CliRun.run(
            aws, "org", "status", "--region", "us-east-1", "--stack-set-region", "eu-west-1");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--stack-set-region was replaced by --hub-region")
        .contains("use --hub-region eu-west-1");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void irctlYamlsHubRegionFeedsStatusAsItFeedsApply() throws Exception {
    organization();
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("irctl-hub");
    java.nio.file.Path config = dir.resolve("irctl.yaml");
    java.nio.file.Files.writeString(config, "alerts:\n  hubRegion: us-east-1\n");

    CliRun run =
        CliRun.run(
            aws,
            "org",
            "status",
            "--config",
            config.toString(),
            "--region",
            "eu-west-1,us-east-1",
            "--no-color");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(0);
    assertThat(run.out()).contains("stack set irctl-member-rules in us-east-1 exists");
  }
}
