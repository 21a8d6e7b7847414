package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.Principal;
import dev.irctl.fakes.FakeIam;
import dev.irctl.fakes.FakePorts;
import dev.irctl.render.Json;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstallPolicyCommandTest {
  private static final String ARN = "arn:aws:iam::111122223333:policy/irctl-guardduty-admin";
  private static final String OLD =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"IrctlGuardDuty\",\"Effect\":\"Allow\",\"Action\":\"guardduty:Get*\",\"Resource\":\"*\"}]}";

  private final FakePorts aws = new FakePorts();
  private final FakeIam iam = aws.iamFake();

  @BeforeEach
  void principals() {
    iam.existingPrincipal(Principal.role("responders"));
    iam.existingPrincipal(Principal.group("secops"));
    iam.existingPrincipal(Principal.user("alice"));
  }

  @Test
  void createsTheTaggedPolicyWithTheAccountFilledInAndAttachesIt() throws Exception {
    CliRun run =
        CliRun.run(
            aws,
            "install-policy",
            "--auto-approve",
            "--role",
            "responders",
            "--group",
            "secops",
            "--user",
            "alice");

    assertThat(run.exitCode()).isZero();
    FakeIam.StoredPolicy policy = iam.policy(ARN).orElseThrow();
    assertThat(policy.tags()).containsEntry("managed-by", "irctl");
    JsonNode document = Json.mapper().readTree(policy.defaultDocument());
    assertThat(document.path("Statement").get(1).path("Resource").asText())
        .isEqualTo(
            "arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty");
    assertThat(iam.attachedTo(Principal.role("responders"))).containsExactly(ARN);
    assertThat(iam.attachedTo(Principal.group("secops"))).containsExactly(ARN);
    assertThat(iam.attachedTo(Principal.user("alice"))).containsExactly(ARN);
    assertThat(run.out())
        .contains("iam        applied  4 added  " + ARN)
        .contains("Apply: 4 added, 0 changed, 0 destroyed (4 write calls).");
  }

  @Test
  void secondRunMakesNoWriteCallsAndSaysSo() {
    CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders", "--user", "alice");
    aws.log().clear();

    CliRun second =
        CliRun.run(
            aws, "install-policy", "--auto-approve", "--role", "responders", "--user", "alice");

    assertThat(second.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(second.out()).contains("iam        in sync  " + ARN).contains("(0 write calls)");
  }

  @Test
  void readsThatWaitForNoOtherRunAtOnceTwoCallsDeep() {
    CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders", "--user", "alice");
    aws.log().clear();
    aws.log().latency(300);

    CliRun second =
        CliRun.run(
            aws, "install-policy", "--auto-approve", "--role", "responders", "--user", "alice");

    assertThat(second.exitCode()).as(second.err()).isZero();
    // [GetRole ‖ GetUser ‖ GetPolicy], then [GetPolicyVersion ‖ ListPolicyVersions ‖
    // ListAttachedRolePolicies ‖ ListAttachedUserPolicies]: one after another, it was 1.
    assertThat(aws.log().maxInFlight()).isEqualTo(4);
    assertThat(aws.log().calls())
        .containsExactlyInAnyOrder(
            "global sts:GetCallerIdentity",
            "global iam:GetRole",
            "global iam:GetUser",
            "global iam:GetPolicy",
            "global iam:GetPolicyVersion",
            "global iam:ListPolicyVersions",
            "global iam:ListAttachedRolePolicies",
            "global iam:ListAttachedUserPolicies");
  }

  @Test
  void aDifferingPolicyGetsANewDefaultVersionAndTheDryRunShowsTheDiff() {
    iam.existingPolicy(ARN, Map.of("managed-by", "irctl"), OLD);
    iam.existingPrincipal(Principal.role("responders"), ARN);

    CliRun dry =
        CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders", "--dry-run");

    assertThat(dry.exitCode()).isZero();
    assertThat(aws.log().writes()).isEmpty();
    assertThat(dry.out())
        .contains("iam        pending  1 to change")
        .contains(
            "~ update policy irctl-guardduty-admin (default version differs: new default version)")
        .contains("statement: {\"Action\":[\"guardduty:Get*\"]")
        .contains("statement: (none) -> {\"Action\":[\"iam:CreateServiceLinkedRole\"]")
        .endsWith("Plan: 0 to add, 1 to change, 0 to destroy\n");

    CliRun real = CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders");

    assertThat(real.exitCode()).isZero();
    assertThat(aws.log().writes()).containsExactly("global iam:CreatePolicyVersion (write)");
    assertThat(iam.policy(ARN).orElseThrow().defaultDocument()).contains("guardduty:*");
  }

  @Test
  void atFiveVersionsTheOldestNonDefaultIsDeletedFirst() {
    iam.existingPolicy(ARN, Map.of("managed-by", "irctl"), OLD, OLD, OLD, OLD, OLD);
    iam.existingPrincipal(Principal.role("responders"), ARN);

    CliRun run = CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders");

    assertThat(run.exitCode()).isZero();
    assertThat(aws.log().writes())
        .containsExactly(
            "global iam:DeletePolicyVersion (write)", "global iam:CreatePolicyVersion (write)");
    assertThat(iam.policy(ARN).orElseThrow().versionIds())
        .containsExactly("v2", "v3", "v4", "v5", "v6");
    assertThat(iam.policy(ARN).orElseThrow().defaultVersionId()).isEqualTo("v6");
  }

  @Test
  void aForeignPolicyIsLeftAloneWithAnErrorSuggestingTheFlags() {
    iam.existingPolicy(ARN, Map.of(), OLD);

    CliRun run = CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("not created by irctl")
        .contains("--policy-name")
        .contains("--adopt");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void adoptTagsAForeignPolicyAndThenManagesIt() {
    iam.existingPolicy(ARN, Map.of("team", "sec"), OLD.replace("IrctlGuardDuty", "Theirs"));

    CliRun run =
        CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders", "--adopt");

    assertThat(run.exitCode()).isZero();
    FakeIam.StoredPolicy policy = iam.policy(ARN).orElseThrow();
    assertThat(policy.tags()).containsEntry("managed-by", "irctl").containsEntry("team", "sec");
    assertThat(policy.defaultDocument()).contains("\"Theirs\"").contains("guardduty:*");
    aws.log().clear();
    assertThat(
            CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders").exitCode())
        .isZero();
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aMissingPrincipalIsNamedBeforeAnyWrite() {
    CliRun run =
        CliRun.run(
            aws,
            "install-policy",
            "--auto-approve",
            "--role",
            "responders",
            "--user",
            "bob",
            "--role",
            "ghost");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("No IAM role named 'ghost' in this account")
        .contains("No IAM user named 'bob' in this account")
        .doesNotContain("Exception");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void noPrincipalIsAUsageErrorBeforeAnyCall() {
    CliRun.refused(aws, "install-policy").contains("--role NAME, --group NAME or --user NAME");
  }

  @Test
  void anArnInsteadOfANameIsAUsageErrorNamingTheFlag() {
    CliRun.refused(
            aws,
            "install-policy",
            "--auto-approve",
            "--role",
            "arn:aws:iam::111122223333:role/responders")
        .contains("--role arn:aws:iam::111122223333:role/responders: give the name alone");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"--all-regions", "--region=us-east-1", "--concurrency=4"})
  void regionFlagsAreUnknownOptionsBecauseIamIsGlobal(String flag) {
    CliRun run = CliRun.run(aws, "install-policy", "--role", "responders", flag);
    CliRun print = CliRun.run(aws, "print-policy", flag);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option: '" + flag + "'");
    assertThat(print.exitCode()).isEqualTo(2);
    assertThat(print.err()).contains("Unknown option: '" + flag + "'");
    assertThat(aws.log().calls()).isEmpty();
  }

  @Test
  void aDeniedAttachFailsNamingTheActionAndSaysWhatWasDone() {
    aws.log()
        .fail(
            "global",
            "iam:AttachUserPolicy",
            AwsCallException.Kind.ACCESS_DENIED,
            "User: ci is not authorized");

    CliRun run =
        CliRun.run(
            aws, "install-policy", "--auto-approve", "--role", "responders", "--user", "alice");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out())
        .contains("iam        failed")
        .contains("access denied: the caller is not allowed iam:AttachUserPolicy")
        .contains("2 of 3 changes were made before the failure");
  }

  @Test
  void jsonOutputIsOneDocumentWithThePlan() throws Exception {
    CliRun run =
        CliRun.run(
            aws,
            "install-policy",
            "--auto-approve",
            "--role",
            "responders",
            "--dry-run",
            "--output",
            "json");

    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.path("command").asText()).isEqualTo("install-policy");
    assertThat(json.path("mode").asText()).isEqualTo("plan");
    JsonNode iamPart = json.path("results").get(0);
    assertThat(iamPart.path("region").asText()).isEqualTo("global");
    assertThat(iamPart.path("ids").path("policyArn").asText()).isEqualTo(ARN);
    assertThat(iamPart.path("status").asText()).isEqualTo("PENDING");
    assertThat(iamPart.path("changes").get(0).path("action").asText()).isEqualTo("create");
    assertThat(iamPart.path("changes").get(0).path("diffs"))
        .hasSize(3); // Version and the two statements
    assertThat(iamPart.path("changes").get(1).path("resource").asText())
        .isEqualTo("attachment irctl-guardduty-admin -> role/responders");
    assertThat(json.at("/summary/writes").asInt()).isZero();
  }

  @Test
  void thePartitionAndAccountComeFromTheCaller() {
    aws.accountFake().caller("999988887777", "aws-cn");

    CliRun run =
        CliRun.run(aws, "install-policy", "--auto-approve", "--role", "responders", "--dry-run");

    assertThat(run.out())
        .contains(
            "iam        pending  2 to add  arn:aws-cn:iam::999988887777:policy/irctl-guardduty-admin")
        .contains(
            "arn:aws-cn:iam::999988887777:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty");
  }

  @Test
  void aSharedIrctlYamlWithRegionsStillWorksForTheGlobalIamPass(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path config = dir.resolve("irctl.yaml");
    java.nio.file.Files.writeString(config, "regions: all\niam:\n  roles: [responders]\n");

    CliRun run = CliRun.run(aws, "install-policy", "--auto-approve", "--config", config.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(iam.attachedTo(Principal.role("responders"))).containsExactly(ARN);
  }
}
