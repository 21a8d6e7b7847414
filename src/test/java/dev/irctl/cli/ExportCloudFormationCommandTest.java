package dev.irctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.engine.hub.MatchingBus;
import dev.irctl.engine.org.TemplateInRegion;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.RuleScopes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportCloudFormationCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;

  @Test
  void writesTheRulesTemplateTheRoleTemplateAndTheParametersOffline() throws Exception {
    Path out = dir.resolve("cfn");

    CliRun run = export("--set", "bucketNames=corp-honey", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode rules = JSON.readTree(out.resolve("irctl-member-rules.template.json").toFile());
    coveredByOneForwarderEach(rules, "bucketNames=corp-honey");
    assertThat(
            JSON.readTree(out.resolve("irctl-member-role.template.json").toFile())
                .at("/Resources/ForwarderRole/Properties/RoleName")
                .asText())
        .isEqualTo("irctl-event-forwarder");
    JsonNode parameters = JSON.readTree(out.resolve("irctl-member-rules.parameters.json").toFile());
    assertThat(parameters.at("/0/ParameterValue").asText()).isEqualTo("444455556666");
    assertThat(parameters.at("/1/ParameterValue").asText()).isEqualTo("eu-west-1");
    assertThat(run.out())
        .contains("irctl-member-rules.template.json")
        .containsPattern("\\d+ rules in \\d+ forwarders, \\d+ bytes compact");
    assertThat(run.err()).doesNotContain("warning");
  }

  /**
   * Every match example of every bundled rule the export selected, in the global region (which
   * carries every rule) and in another, passes exactly one forwarder of the written template, whose
   * target is the hub bus with the member role; GuardDuty findings (which reach the administrator
   * through GuardDuty) pass none.
   */
  private static void coveredByOneForwarderEach(JsonNode template, String setting) {
    Catalog catalog = Catalog.load(CatalogSources.bundledOnly());
    String[] parameter = setting.split("=", 2);
    List<DesiredRule> selected =
        CatalogRules.resolve(
                catalog,
                new CatalogRules.Selection(List.of(), List.of(), List.of()),
                Map.of(parameter[0], parameter[1]),
                false)
            .rules();
    assertThat(selected).extracting(DesiredRule::ruleId).contains("s3-honey-bucket-access");
    int examples = 0;
    for (String region : List.of("us-east-1", "eu-west-1")) {
      TemplateInRegion deployed = new TemplateInRegion(template, region);
      MatchingBus bus = deployed.bus();
      for (DesiredRule rule : selected) {
        if (!RuleScopes.belongsIn(rule, region)) {
          continue;
        }
        for (JsonNode example : catalog.rule(rule.ruleId()).examples().match()) {
          ObjectNode event = example.deepCopy();
          event.put("region", region);
          List<String> forwarders = bus.fired(event);
          if (rule.pattern().toString().contains("GuardDuty Finding")) {
            assertThat(forwarders).as(rule.ruleId()).isEmpty();
            continue;
          }
          assertThat(forwarders).as("%s in %s", rule.ruleId(), region).hasSize(1);
          examples++;
        }
      }
      for (TemplateInRegion.EventRule forwarder : deployed.rules()) {
        assertThat(forwarder.name()).startsWith("irctl-forward-");
        assertThat(forwarder.targets().toString())
            .contains(":event-bus/default")
            .contains(":role/irctl-event-forwarder");
      }
    }
    assertThat(examples).isGreaterThan(selected.size());
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
    CliRun run = export("--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(0);
    assertThat(run.err()).contains("left out rule s3-honey-bucket-access").contains("bucketNames");
    // The template is still written for the rest: IAM's MFA events are forwarded, once.
    JsonNode template = JSON.readTree(dir.resolve("irctl-member-rules.template.json").toFile());
    JsonNode mfa =
        Catalog.load(CatalogSources.bundledOnly())
            .rule("iam-mfa-deactivated")
            .examples()
            .match()
            .get(0);
    assertThat(new TemplateInRegion(template, "us-east-1").bus().fired(mfa)).hasSize(1);
  }

  /** A catalog of one rule, {@code ec2-anything}, whose pattern names no detail-type. */
  static Path unforwardableCatalog(Path dir) throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    ObjectNode rule =
        (ObjectNode) JSON.readTree(Path.of("rules/ec2-instance-terminated.json").toFile());
    rule.put("id", "ec2-anything");
    ((ObjectNode) rule.get("eventPattern")).remove("detail-type");
    Files.writeString(catalog.resolve("ec2-anything.json"), rule.toString());
    return catalog;
  }

  /** A rule of one's own catalog that names no detail-type cannot be cut into forwarders. */
  @Test
  void aRuleWithoutExactDetailTypesIsAUsageErrorNamingItAndNothingIsWritten() throws Exception {
    Path catalog = unforwardableCatalog(dir);
    Path out = dir.resolve("cfn");

    CliRun run = export("--catalog", catalog.toString(), "--no-bundled", "--out", out.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("rule ec2-anything").contains("exact detail-type");
    assertThat(Files.exists(out)).isFalse();
  }

  @Test
  void namingARuleWithoutItsParameterIsAUsageError() {
    CliRun run = export("--rule", "s3-honey-bucket-access", "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--set bucketNames=");
    assertThat(Files.exists(dir.resolve("irctl-member-rules.template.json"))).isFalse();
  }

  /** {@code irctl export cloudformation} for security account 444455556666 and hub eu-west-1. */
  private static CliRun export(String... more) {
    return CliRun.run(
        CliRun.noAws(),
        List.of(
            "export",
            "cloudformation",
            "--security-account",
            "444455556666",
            "--hub-region",
            "eu-west-1"),
        more);
  }
}
