package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.iam.GuardDutyAdminPolicy;
import dev.irctl.engine.iam.PolicyDocuments;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrintPolicyCommandTest {
  @Test
  void printsOneValidPolicyWithAStatementPerServiceSortedAndStable() throws Exception {
    CliRun run = CliRun.run(CliRun.noAws(), "print-policy");

    assertThat(run.exitCode()).isZero();
    JsonNode policy = Json.mapper().readTree(run.out());
    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    assertThat(sids(policy))
        .containsExactly(
            "AttachIrctlPolicy",
            "Cloudformation",
            "Cloudtrail",
            "Cloudwatch",
            "Ec2",
            "Events",
            "GuardDutyDetectors",
            "GuardDutyListsOnServiceLinkedRole",
            "GuardDutyServiceLinkedRole",
            "Guardduty",
            "Iam",
            "IrctlAlarms",
            "IrctlDrillQueues",
            "IrctlForwarderRole",
            "IrctlHubBusPolicy",
            "IrctlLogGroups",
            "IrctlMemberLedger",
            "IrctlPassForwarderRole",
            "IrctlPolicies",
            "IrctlRules",
            "IrctlStackSets",
            "IrctlTopics",
            "Kms",
            "Logs",
            "Organizations",
            "OrganizationsTrustedAccessForGuardDuty",
            "Sns",
            "Sqs",
            "Ssm",
            "Sts");
    assertThat(actions(policy))
        .contains(
            "guardduty:CreateDetector",
            "ec2:DescribeRegions",
            "iam:CreatePolicyVersion",
            "sts:GetCallerIdentity",
            "events:PutRule",
            "sns:SetTopicAttributes",
            "kms:GetKeyPolicy")
        .doesNotContain("guardduty:*");
    assertThat(CliRun.run(CliRun.noAws(), "print-policy").out()).isEqualTo(run.out());
  }

  @Test
  void theServiceLinkedRoleIsGrantedOnlyOnGuardDutysRoleWithTheSeedsCondition() throws Exception {
    JsonNode policy =
        Json.mapper()
            .readTree(
                CliRun.run(CliRun.noAws(), "print-policy", "--command", "enable-guardduty").out());

    JsonNode role = statement(policy, "GuardDutyServiceLinkedRole");
    assertThat(role.path("Action").get(0).asText()).isEqualTo("iam:CreateServiceLinkedRole");
    assertThat(role.path("Resource").asText())
        .isEqualTo(
            "arn:aws:iam::*:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty");
    assertThat(role.path("Condition").path("StringLike").path("iam:AWSServiceName").asText())
        .isEqualTo("guardduty.amazonaws.com");
    JsonNode lists = statement(policy, "GuardDutyListsOnServiceLinkedRole");
    assertThat(lists.path("Resource").asText()).isEqualTo(role.path("Resource").asText());
    assertThat(lists.has("Condition")).isFalse();
    assertThat(lists.path("Action"))
        .extracting(JsonNode::asText)
        .containsExactly("iam:DeleteRolePolicy", "iam:PutRolePolicy");
    assertThat(actions(policy))
        .filteredOn(a -> a.startsWith("iam:"))
        .containsExactlyInAnyOrder(
            "iam:CreateServiceLinkedRole", "iam:DeleteRolePolicy", "iam:PutRolePolicy");
    assertThat(statement(policy, "Iam")).isNull();
  }

  @Test
  void commandNarrowsToThatCommandsAdapters() throws Exception {
    JsonNode policy =
        Json.mapper()
            .readTree(
                CliRun.run(CliRun.noAws(), "print-policy", "--command", "install-policy").out());

    assertThat(sids(policy)).containsExactly("AttachIrctlPolicy", "Iam", "IrctlPolicies", "Sts");
    assertThat(actions(policy))
        .contains("iam:AttachRolePolicy", "iam:TagPolicy")
        .noneMatch(a -> a.startsWith("guardduty:"));
  }

  @Test
  void readOnlyLeavesOutEveryWrite() throws Exception {
    JsonNode policy =
        Json.mapper().readTree(CliRun.run(CliRun.noAws(), "print-policy", "--read-only").out());

    assertThat(actions(policy))
        .contains(
            "guardduty:ListDetectors",
            "guardduty:GetDetector",
            "iam:GetPolicy",
            "ec2:DescribeRegions")
        .doesNotContain(
            "guardduty:CreateDetector",
            "guardduty:TagResource",
            "iam:CreatePolicy",
            "iam:AttachRolePolicy",
            "iam:CreateServiceLinkedRole");
    assertThat(sids(policy)).doesNotContain("GuardDutyServiceLinkedRole");
  }

  @Test
  void guardDutyAdminOfflinePrintsTheSeedsDocumentForTheAccount() throws Exception {
    CliRun run =
        CliRun.run(
            CliRun.noAws(), "print-policy", "--guardduty-admin", "--account-id", "123456789123");

    assertThat(run.exitCode()).isZero();
    JsonNode seed =
        PolicyDocuments.parse(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"guardduty:*\"],\"Resource\":\"*\"},"
                + "{\"Effect\":\"Allow\",\"Action\":[\"iam:CreateServiceLinkedRole\"],"
                + "\"Resource\":\"arn:aws:iam::123456789123:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty\","
                + "\"Condition\":{\"StringLike\":{\"iam:AWSServiceName\":\"guardduty.amazonaws.com\"}}}]}");
    JsonNode printed = Json.mapper().readTree(run.out());
    // Equal to the seed's document but for the statement ids irctl uses to recognise its own
    // statements.
    for (JsonNode statement : printed.path("Statement")) {
      ((com.fasterxml.jackson.databind.node.ObjectNode) statement).remove("Sid");
    }
    assertThat(PolicyDocuments.equivalent(printed, seed)).isTrue();
  }

  @Test
  void guardDutyAdminReadsTheAccountFromStsWhenNotGiven() {
    FakePorts aws = new FakePorts();
    aws.accountFake().caller("444455556666", "aws-us-gov");

    CliRun run = CliRun.run(aws, "print-policy", "--guardduty-admin");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            dev.irctl.render.PolicyJson.pretty(
                GuardDutyAdminPolicy.document("aws-us-gov", "444455556666")));
    assertThat(aws.log().calls()).containsExactly("global sts:GetCallerIdentity");
  }

  @Test
  void anUnknownCommandIsAUsageErrorListingTheKnownOnes() {
    CliRun run = CliRun.run(CliRun.noAws(), "print-policy", "--command", "deploy");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("--command deploy")
        .contains("enable-guardduty, install-policy, print-policy");
  }

  @Test
  void aMalformedAccountIdIsAUsageError() {
    CliRun run =
        CliRun.run(CliRun.noAws(), "print-policy", "--guardduty-admin", "--account-id", "1234");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--account-id 1234 is not an AWS account id");
  }

  @Test
  void removeRulesMayDeleteOnlyTheForwarderRoleAndApplyRulesMayNotDeleteIt() throws Exception {
    JsonNode remove =
        Json.mapper().readTree(CliRun.run("print-policy", "--command", "remove-rules").out());
    JsonNode apply =
        Json.mapper().readTree(CliRun.run("print-policy", "--command", "apply-rules").out());

    JsonNode role = statement(remove, "IrctlForwarderRole");
    assertThat(role.path("Resource").asText())
        .isEqualTo("arn:aws:iam::*:role/irctl-event-forwarder");
    assertThat(role.path("Action"))
        .extracting(JsonNode::asText)
        .containsExactly("iam:DeleteRole", "iam:DeleteRolePolicy", "iam:DetachRolePolicy");
    assertThat(actions(remove)).contains("iam:GetRole", "iam:ListRolePolicies");
    assertThat(actions(apply)).doesNotContain("iam:DeleteRole", "iam:DetachRolePolicy");
    assertThat(statement(apply, "IrctlForwarderRole").path("Action"))
        .extracting(JsonNode::asText)
        .contains("iam:CreateRole", "iam:PutRolePolicy");
  }

  @Test
  void eventBusIsRefusedForTheSameReasonAsInApplyRules() {
    CliRun run = CliRun.run(CliRun.noAws(), "print-policy", "--event-bus", "security");
    CliRun applyRules =
        CliRun.run(
            CliRun.noAws(),
            "apply-rules",
            "--region",
            "eu-west-1",
            "--set",
            "bucketNames=h",
            "--event-bus",
            "x");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err())
        .contains("only to the account's default event bus")
        .isEqualTo(applyRules.err());
    assertThat(CliRun.run(CliRun.noAws(), "print-policy", "--help").out())
        .doesNotContain("--event-bus");
  }

  private static List<String> sids(JsonNode policy) {
    List<String> sids = new ArrayList<>();
    policy.path("Statement").forEach(s -> sids.add(s.path("Sid").asText()));
    return sids;
  }

  private static List<String> actions(JsonNode policy) {
    List<String> actions = new ArrayList<>();
    policy.path("Statement").forEach(s -> s.path("Action").forEach(a -> actions.add(a.asText())));
    return actions;
  }

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode statement : policy.path("Statement")) {
      if (statement.path("Sid").asText().equals(sid)) {
        return statement;
      }
    }
    return null;
  }

  @Test
  void theCommandListComesFromThePortsFactorysCatalog() {
    CliRun help = CliRun.run(CliRun.noAws(), "print-policy", "--help");
    assertThat(help.out()).containsPattern("needs \\(repeatable\\):\\s+[a-z-]+, [a-z-]+");
    assertThat(help.out()).contains("enable-guardduty");

    CliRun wrong = CliRun.run(CliRun.noAws(), "print-policy", "--command", "nope");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(wrong.err()).contains("choose from").contains("apply-rules");
  }
}
