package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberRulesTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());

  /** The whole bundled catalog, every required parameter set to its example. */
  private static List<DesiredRule> wholeCatalog() {
    Map<String, String> settings = new HashMap<>();
    for (Rule rule : CATALOG.rules()) {
      for (RuleParameter parameter : rule.parameters()) {
        if (parameter.required()) {
          settings.put(parameter.name(), parameter.exampleText());
        }
      }
    }
    return CatalogRules.desired(
        CATALOG, new CatalogRules.Selection(List.of(), List.of(), List.of()), settings);
  }

  @Test
  void everyMemberRuleIsInTheParsedTemplateWithTheHubTargetAndTheRole() throws Exception {
    List<DesiredRule> desired = wholeCatalog();

    JsonNode template =
        JSON.readTree(MemberRulesTemplate.body(MemberRulesTemplate.rules(desired, "test")));

    JsonNode resources = template.get("Resources");
    List<DesiredRule> members = MemberRulesTemplate.memberRules(desired);
    assertThat(members).isNotEmpty().hasSizeLessThan(desired.size());
    assertThat(resources.size()).isEqualTo(members.size());
    for (DesiredRule rule : members) {
      JsonNode resource = resources.get(MemberRulesTemplate.logicalId(rule.ruleId()));
      assertThat(resource).as(rule.ruleId()).isNotNull();
      JsonNode properties = resource.get("Properties");
      assertThat(resource.get("Type").asText()).isEqualTo("AWS::Events::Rule");
      assertThat(properties.get("Name").asText()).isEqualTo(rule.name());
      assertThat(properties.get("EventPattern")).isEqualTo(rule.pattern());
      assertThat(properties.get("State").asText()).isEqualTo(rule.state());
      assertThat(properties.get("EventBusName").asText()).isEqualTo("default");
      JsonNode target = properties.get("Targets").get(0);
      assertThat(target.get("Arn").get("Fn::Sub").asText())
          .isEqualTo(
              "arn:${AWS::Partition}:events:${HubRegion}:${SecurityAccountId}:event-bus/default");
      assertThat(target.get("RoleArn").get("Fn::Sub").asText())
          .isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/irctl-event-forwarder");
      assertThat(resource.has("Condition")).as(rule.ruleId()).isEqualTo(rule.global());
    }
    assertThat(template.get("Parameters").has("SecurityAccountId")).isTrue();
    assertThat(template.get("Parameters").has("HubRegion")).isTrue();
    assertThat(template.at("/Mappings/GlobalRegion/aws/Region").asText()).isEqualTo("us-east-1");
    assertThat(template.at("/Conditions/InGlobalRegion/Fn::Equals/0/Ref").asText())
        .isEqualTo("AWS::Region");
  }

  @Test
  void guardDutyFindingRulesStayInTheAdminAccountAndGlobalRulesAreConditioned() {
    List<DesiredRule> desired = wholeCatalog();
    List<String> members =
        MemberRulesTemplate.memberRules(desired).stream().map(DesiredRule::ruleId).toList();

    assertThat(members)
        .doesNotContain("guardduty-finding-high-and-up", "guardduty-finding-medium-and-up")
        .contains("iam-mfa-deactivated", "cloudtrail-tampering", "guardduty-tampering");
    assertThat(desired.stream().filter(DesiredRule::global)).isNotEmpty();
  }

  @Test
  void theWholeBundledCatalogFitsTheInlineLimit() {
    var template = MemberRulesTemplate.rules(wholeCatalog(), CATALOG.version());

    int bytes = MemberRulesTemplate.bytes(template);

    assertThat(bytes).isLessThanOrEqualTo(MemberRulesTemplate.INLINE_LIMIT);
    assertThat(MemberRulesTemplate.fitsInline(template)).isTrue();
    // Also the role template, trivially.
    assertThat(MemberRulesTemplate.fitsInline(MemberRulesTemplate.role())).isTrue();
  }

  @Test
  void theRoleTrustsEventBridgeForThisAccountAndMayOnlyPutEventsOnTheHubBus() throws Exception {
    JsonNode role =
        JSON.readTree(MemberRulesTemplate.body(MemberRulesTemplate.role()))
            .at("/Resources/ForwarderRole");

    assertThat(role.get("Type").asText()).isEqualTo("AWS::IAM::Role");
    JsonNode properties = role.get("Properties");
    assertThat(properties.get("RoleName").asText()).isEqualTo("irctl-event-forwarder");
    JsonNode trust = properties.at("/AssumeRolePolicyDocument/Statement/0");
    assertThat(trust.at("/Principal/Service").asText()).isEqualTo("events.amazonaws.com");
    assertThat(trust.at("/Condition/StringEquals/aws:SourceAccount/Ref").asText())
        .isEqualTo("AWS::AccountId");
    JsonNode put = properties.at("/Policies/0/PolicyDocument/Statement/0");
    assertThat(put.get("Action").asText()).isEqualTo("events:PutEvents");
    assertThat(put.at("/Resource/Fn::Sub").asText()).endsWith(":event-bus/default");
    assertThat(properties.at("/Tags/0/Key").asText()).isEqualTo("managed-by");
    assertThat(properties.at("/Tags/0/Value").asText()).isEqualTo("irctl");
  }

  @Test
  void theParametersFileNamesBothParameters() {
    assertThat(MemberRulesTemplate.parametersFile("444455556666", "eu-west-1").toString())
        .isEqualTo(
            "[{\"ParameterKey\":\"SecurityAccountId\",\"ParameterValue\":\"444455556666\"},"
                + "{\"ParameterKey\":\"HubRegion\",\"ParameterValue\":\"eu-west-1\"}]");
  }

  @Test
  void logicalIdsAreAlphanumeric() {
    assertThat(MemberRulesTemplate.logicalId("cis-root-account-usage"))
        .isEqualTo("RuleCisRootAccountUsage");
  }

  /**
   * The member accounts' forwarder role (stack set irctl-member-role) has the hub forwarder role's
   * shape: same name, trust (events.amazonaws.com, aws:SourceAccount = the account itself), one
   * inline policy of the same name allowing only events:PutEvents on the hub's default bus, and
   * irctl's tag. Compared as JSON trees with CloudFormation's intrinsics resolved and Sids aside.
   */
  @Test
  void theMemberRoleHasTheHubForwarderRolesShape() {
    String member = "444455556666";
    String security = "111122223333";
    String hubBus = "arn:aws:events:eu-west-1:" + security + ":event-bus/default";
    JsonNode properties =
        MemberRulesTemplate.role().path("Resources").path("ForwarderRole").path("Properties");

    com.fasterxml.jackson.databind.node.ObjectNode trust =
        properties.path("AssumeRolePolicyDocument").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode)
            trust.path("Statement").get(0).path("Condition").path("StringEquals"))
        .put("aws:SourceAccount", member);
    JsonNode policy = properties.path("Policies").get(0);
    com.fasterxml.jackson.databind.node.ObjectNode permissions =
        policy.path("PolicyDocument").deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) permissions.path("Statement").get(0))
        .put("Resource", hubBus);

    assertThat(properties.path("RoleName").asText()).isEqualTo(ForwarderRole.NAME);
    assertThat(withoutSids(trust)).isEqualTo(withoutSids(ForwarderRole.trustPolicy(member)));
    assertThat(policy.path("PolicyName").asText()).isEqualTo(ForwarderRole.POLICY_NAME);
    assertThat(withoutSids(permissions))
        .isEqualTo(withoutSids(ForwarderRole.permissionPolicy(hubBus)));
    assertThat(properties.path("Tags").get(0).path("Key").asText()).isEqualTo("managed-by");
    assertThat(ForwarderRole.tags()).containsEntry("managed-by", "irctl");
  }

  private static JsonNode withoutSids(JsonNode policy) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = policy.deepCopy();
    copy.path("Statement")
        .forEach(st -> ((com.fasterxml.jackson.databind.node.ObjectNode) st).remove("Sid"));
    return copy;
  }
}
