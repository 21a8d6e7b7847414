package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCloudFormationCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void writesTheRulesTemplateTheRoleTemplateAndTheParametersOffline() throws Exception {
    Path out = dir.resolve("cfn");

    CliRun run =
        CliRun.run(
            "export",
            "cloudformation",
            "--security-account",
            "444455556666",
            "--hub-region",
            "eu-west-1",
            "--set",
            "bucketNames=corp-honey",
            "--out",
            out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode rules = JSON.readTree(out.resolve("irctl-member-rules.template.json").toFile());
    assertThat(rules.at("/Resources/RuleIamMfaDeactivated/Properties/Name").asText())
        .isEqualTo("irctl-iam-mfa-deactivated");
    assertThat(rules.at("/Resources/RuleS3HoneyBucketAccess")).isNotNull();
    assertThat(rules.get("Resources").has("RuleGuarddutyFindingHighAndUp")).isFalse();
    assertThat(
            JSON.readTree(out.resolve("irctl-member-role.template.json").toFile())
                .at("/Resources/ForwarderRole/Properties/RoleName")
                .asText())
        .isEqualTo("irctl-event-forwarder");
    JsonNode parameters = JSON.readTree(out.resolve("irctl-member-rules.parameters.json").toFile());
    assertThat(parameters.at("/0/ParameterValue").asText()).isEqualTo("444455556666");
    assertThat(parameters.at("/1/ParameterValue").asText()).isEqualTo("eu-west-1");
    assertThat(run.out()).contains("irctl-member-rules.template.json").contains("bytes compact");
    assertThat(run.err()).doesNotContain("warning");
  }

  @Test
  void aBadAccountIdIsAUsageErrorAndNothingIsWritten() {
    CliRun run =
        CliRun.run(
            "export",
            "cloudformation",
            "--security-account",
            "4444-5555-6666",
            "--hub-region",
            "eu-west-1",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--security-account 4444-5555-6666").contains("12 digits");
    assertThat(dir.toFile().list()).isEmpty();
  }

  @Test
  void aRuleMissingItsParameterIsLeftOutWithAWarning() throws Exception {
    CliRun run =
        CliRun.run(
            "export",
            "cloudformation",
            "--security-account",
            "444455556666",
            "--hub-region",
            "eu-west-1",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("left out rule s3-honey-bucket-access").contains("bucketNames");
    String template = Files.readString(dir.resolve("irctl-member-rules.template.json"));
    assertThat(template).doesNotContain("s3-honey-bucket-access").contains("iam-mfa-deactivated");
  }

  @Test
  void namingARuleWithoutItsParameterIsAUsageError() {
    CliRun run =
        CliRun.run(
            "export",
            "cloudformation",
            "--security-account",
            "444455556666",
            "--hub-region",
            "eu-west-1",
            "--rule",
            "s3-honey-bucket-access",
            "--out",
            dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--set bucketNames=");
    assertThat(Files.exists(dir.resolve("irctl-member-rules.template.json"))).isFalse();
  }
}
