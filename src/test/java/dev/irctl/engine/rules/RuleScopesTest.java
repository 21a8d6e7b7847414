package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.ConsoleSignIns;
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
        global,
        false,
        ConsoleSignIns.NONE);
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

  private static DesiredRule signIn(String id, ConsoleSignIns which) throws Exception {
    DesiredRule r = rule(id, "aws.signin", false);
    return new DesiredRule(
        r.name(),
        r.ruleId(),
        r.title(),
        r.severity(),
        r.description(),
        r.pattern(),
        r.state(),
        r.tags(),
        false,
        false,
        which);
  }

  @Test
  void signInRulesAreCarriedToTheSignInRegionsTheChoiceLeavesOut() throws Exception {
    DesiredRule failures = signIn("cis-console-auth-failures", ConsoleSignIns.ALL);
    DesiredRule root = signIn("cis-root-account-usage", ConsoleSignIns.ROOT);
    DesiredRule trail = rule("ct", "aws.cloudtrail", false);

    Map<String, List<DesiredRule>> carried =
        RuleScopes.carried(List.of(failures, root, trail), List.of("eu-west-1"));

    assertThat(carried.keySet())
        .containsExactly("us-east-1", "us-east-2", "eu-north-1", "ap-southeast-2");
    assertThat(carried.get("us-east-1")).containsExactly(failures, root);
    assertThat(carried.get("us-east-2")).containsExactly(failures);
    assertThat(RuleScopes.carried(List.of(failures, root), List.of("us-east-2", "us-east-1")))
        .containsOnlyKeys("eu-north-1", "ap-southeast-2");
    assertThat(RuleScopes.carried(List.of(failures, root), RuleScopes.SIGN_IN_REGIONS)).isEmpty();
    assertThat(RuleScopes.carried(List.of(trail), List.of("eu-west-1"))).isEmpty();
    assertThat(RuleScopes.carried(List.of(failures), List.of())).isEmpty();
  }

  @Test
  void otherPartitionsCarryNothingAndAreToldSo() throws Exception {
    DesiredRule failures = signIn("cis-console-auth-failures", ConsoleSignIns.ALL);

    assertThat(RuleScopes.carried(List.of(failures), List.of("us-gov-west-1", "cn-north-1")))
        .isEmpty();
    assertThat(RuleScopes.skippedGlobalRules(List.of(failures), List.of("us-gov-west-1")))
        .get()
        .asString()
        .contains(
            "sign-in rule(s) (cis-console-auth-failures) run only in the chosen regions of"
                + " partition aws-us-gov");
    assertThat(RuleScopes.skippedGlobalRules(List.of(failures), List.of("eu-west-1"))).isEmpty();
  }

  @Test
  void theNoteSaysWhyARegionThatWasNotChosenCarriesRules() throws Exception {
    DesiredRule failures = signIn("cis-console-auth-failures", ConsoleSignIns.ALL);
    DesiredRule root = signIn("cis-root-account-usage", ConsoleSignIns.ROOT);

    assertThat(
            RuleScopes.carriedNote(
                "us-east-2", List.of(failures), java.util.Optional.of("eu-west-1"), false))
        .startsWith(
            "not a chosen region: AWS records console sign-ins on the global endpoint in us-east-2")
        .contains(
            "(cis-console-auth-failures, forwarded to the chosen region eu-west-1 to alert through"
                + " its topic; none is made here)")
        .endsWith("Other irctl rules in this region are left alone.");
    assertThat(
            RuleScopes.carriedNote(
                "us-east-1", List.of(root), java.util.Optional.of("eu-west-1"), true))
        .contains("AWS records root console sign-ins in us-east-1")
        .contains("(cis-root-account-usage, forwarded to the hub region eu-west-1)");
  }

  @Test
  void withoutAHubCarriedSignInsForwardToTheHomeRegionWhenChosenElseTheFirstAwsRegion() {
    assertThat(RuleScopes.signInDestination(List.of("eu-west-1", "us-east-1")))
        .contains("us-east-1");
    assertThat(RuleScopes.signInDestination(List.of("cn-north-1", "eu-west-1", "ap-south-1")))
        .contains("eu-west-1");
    assertThat(RuleScopes.signInDestination(List.of("us-gov-west-1"))).isEmpty();
  }
}
