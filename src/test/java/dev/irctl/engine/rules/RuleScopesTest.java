package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.cli.Flags;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleScopesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static DesiredRule rule(String id, String source, boolean global) throws Exception {
    return new DesiredRule(
        "irctl-" + id,
        id,
        id,
        "high",
        id,
        JSON.readTree("{\"source\":[\"" + source + "\"]}"),
        "ENABLED",
        Map.of(),
        global);
  }

  @Test
  void globalRulesGoToTheirPartitionsHomeRegion() throws Exception {
    DesiredRule iam = rule("iam-mfa-deactivated", "aws.iam", true);
    assertThat(RuleScopes.belongsIn(iam, "us-east-1")).isTrue();
    assertThat(RuleScopes.belongsIn(iam, "eu-west-1")).isFalse();
    assertThat(RuleScopes.belongsIn(iam, "us-gov-west-1")).isTrue();
    assertThat(RuleScopes.belongsIn(iam, "us-gov-east-1")).isFalse();
    assertThat(RuleScopes.belongsIn(iam, "cn-north-1")).isTrue();
    assertThat(RuleScopes.belongsIn(iam, "cn-northwest-1")).isFalse();
    assertThat(RuleScopes.belongsIn(iam, "us-iso-east-1")).isFalse();
    assertThat(RuleScopes.belongsIn(rule("ct", "aws.cloudtrail", false), "us-iso-east-1")).isTrue();
  }

  @Test
  void aGovCloudSelectionWithoutItsHomeRegionIsToldWhichOneToAdd() throws Exception {
    assertThat(
            RuleScopes.skippedGlobalRules(
                    List.of(rule("iam-mfa-deactivated", "aws.iam", true)), List.of("us-gov-east-1"))
                .map(Flags::word))
        .get()
        .asString()
        .contains("only in us-gov-west-1")
        .contains("--region us-gov-west-1");
  }

  @Test
  void anUnknownPartitionRefusesGlobalRulesWithAReason() throws Exception {
    assertThat(
            RuleScopes.skippedGlobalRules(
                List.of(rule("iam-mfa-deactivated", "aws.iam", true)), List.of("us-iso-east-1")))
        .get()
        .asString()
        .contains("refused 1 global rule(s) (iam-mfa-deactivated) in partition aws-iso");
  }

  @Test
  void signInRulesNameTheSignInRegionsTheSelectionMisses() throws Exception {
    DesiredRule signIn = rule("cis-console-auth-failures", "aws.signin", false);
    assertThat(
            RuleScopes.skippedGlobalRules(List.of(signIn), List.of("us-east-1", "eu-west-1"))
                .map(Flags::word))
        .get()
        .asString()
        .contains("miss us-east-2, eu-north-1, ap-southeast-2")
        .contains("--region us-east-2 --region eu-north-1 --region ap-southeast-2");
    assertThat(RuleScopes.skippedGlobalRules(List.of(signIn), RuleScopes.SIGN_IN_REGIONS))
        .isEmpty();
    assertThat(
            RuleScopes.skippedGlobalRules(
                List.of(rule("ct", "aws.cloudtrail", false)), List.of("eu-west-1")))
        .isEmpty();
  }
}
