package dev.irctl.engine.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.hub.MatchingBus;
import dev.irctl.engine.hub.PatternRules;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.RuleScopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MemberRulesTemplateTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());

  /** The bundled catalog, every required parameter set to its example, after {@code excludes}. */
  private static List<DesiredRule> catalog(List<String> excludes) {
    Map<String, String> settings = new HashMap<>();
    for (Rule rule : CATALOG.rules()) {
      for (RuleParameter parameter : rule.parameters()) {
        if (parameter.required()) {
          settings.put(parameter.name(), parameter.exampleText());
        }
      }
    }
    return CatalogRules.desired(
        CATALOG, new CatalogRules.Selection(List.of(), excludes, List.of()), settings);
  }

  private static List<DesiredRule> wholeCatalog() {
    return catalog(List.of());
  }

  private static final List<DesiredRule> WHOLE = wholeCatalog();
  private static final JsonNode TEMPLATE = parsed(MemberRulesTemplate.rules(WHOLE, "test"));

  /**
   * Without the two CIS rules that watch every source (they make one forwarder take every
   * CloudTrail call), IAM and Organizations events get forwarders of their own, in the home region
   * only: the home region's cut and the others' differ.
   */
  private static final List<DesiredRule> NO_ANY_SOURCE =
      catalog(List.of("cis-unauthorized-api-calls", "cis-root-account-usage"));

  private static List<Arguments> selectionsAndRegions() {
    List<Arguments> cases = new ArrayList<>();
    for (String region :
        List.of("us-east-1", "eu-west-1", "ap-southeast-2", "us-gov-west-1", "us-gov-east-1")) {
      cases.add(Arguments.of("whole catalog", WHOLE, region));
      cases.add(Arguments.of("no any-source rule", NO_ANY_SOURCE, region));
    }
    return cases;
  }

  private static JsonNode parsed(JsonNode template) {
    try {
      return JSON.readTree(MemberRulesTemplate.body(template));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode inRegion(JsonNode event, String region) {
    ObjectNode copy = event.deepCopy();
    copy.put("region", region);
    return copy;
  }

  /** What the hub bus fires for {@code copies} arrivals of {@code event}: one list per arrival. */
  private static List<List<String>> hubFirings(MatchingBus hub, JsonNode event, int copies) {
    List<List<String>> firings = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      firings.add(hub.fired(event));
    }
    return firings;
  }

  /**
   * Every catalog {@code match} example, in each region as the template deploys there (conditions
   * evaluated), passes through exactly one member forwarder, and the hub, which carries every
   * selected rule as in single-account hub mode, fires what it fires when the same event arrives
   * from a forwarding region of the security account itself: the same rules, once each. GuardDuty
   * findings are not forwarded by members at all (they reach the administrator through GuardDuty).
   */
  @ParameterizedTest(name = "{0} in {2}")
  @MethodSource("selectionsAndRegions")
  void everyMatchExampleReachesTheHubOnceAndFiresWhatSingleAccountHubModeFires(
      String label, List<DesiredRule> selected, String region) {
    JsonNode template = parsed(MemberRulesTemplate.rules(selected, "test"));
    MatchingBus members = new TemplateInRegion(template, region).bus();
    List<DesiredRule> carried =
        selected.stream().filter(r -> RuleScopes.belongsIn(r, region)).toList();
    MatchingBus singleAccount = new MatchingBus(ForwarderRules.forRegion(carried, "eu-central-1"));
    MatchingBus hub = new MatchingBus(selected);
    int checked = 0;
    for (DesiredRule rule : carried) {
      for (JsonNode example : CATALOG.rule(rule.ruleId()).examples().match()) {
        JsonNode event = inRegion(example, region);
        List<String> forwardedBy = members.fired(event);
        if (!MemberRulesTemplate.runsInMembers(rule)) {
          assertThat(forwardedBy).as("a finding of %s in %s", rule.ruleId(), region).isEmpty();
          continue;
        }
        assertThat(forwardedBy).as("%s in %s", rule.ruleId(), region).hasSize(1);
        assertThat(hub.fired(event)).contains(rule.name());
        assertThat(hubFirings(hub, event, forwardedBy.size()))
            .as("%s in %s", rule.ruleId(), region)
            .isEqualTo(hubFirings(hub, event, singleAccount.fired(event).size()));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(MemberRulesTemplate.memberRules(carried).size());
  }

  /** The template the stack set held before: one rule per catalog rule, each forwarding. */
  @Test
  void perRuleForwardingWouldHaveSentSomeExamplesToTheHubSeveralTimes() {
    MatchingBus perRule =
        new MatchingBus(
            MemberRulesTemplate.memberRules(WHOLE).stream()
                .filter(r -> RuleScopes.belongsIn(r, "us-east-1"))
                .toList());
    MatchingBus members = new TemplateInRegion(TEMPLATE, "us-east-1").bus();

    List<JsonNode> repeated =
        MemberRulesTemplate.memberRules(WHOLE).stream()
            .flatMap(r -> CATALOG.rule(r.ruleId()).examples().match().stream())
            .map(e -> inRegion(e, "us-east-1"))
            .filter(e -> perRule.fired(e).size() > 1)
            .toList();

    assertThat(repeated).isNotEmpty();
    repeated.forEach(e -> assertThat(members.fired(e)).as(e.toString()).hasSize(1));
  }

  @ParameterizedTest(name = "{0} in {2}")
  @MethodSource("selectionsAndRegions")
  void everyForwarderTargetsTheHubBusWithTheMemberRoleAndIsNamedByTheHubsCut(
      String label, List<DesiredRule> selected, String region) {
    JsonNode template = parsed(MemberRulesTemplate.rules(selected, "test"));
    List<TemplateInRegion.EventRule> rules = new TemplateInRegion(template, region).rules();
    List<DesiredRule> carried =
        MemberRulesTemplate.memberRules(selected).stream()
            .filter(r -> RuleScopes.belongsIn(r, region))
            .toList();
    List<DesiredRule> cut = ForwarderRules.forRegion(carried, "eu-central-1");

    assertThat(rules)
        .extracting(TemplateInRegion.EventRule::name)
        .as(region)
        .containsExactlyInAnyOrderElementsOf(cut.stream().map(DesiredRule::name).toList());
    for (DesiredRule forwarder : cut) {
      TemplateInRegion.EventRule rule =
          rules.stream().filter(r -> r.name().equals(forwarder.name())).findFirst().orElseThrow();
      assertThat(rule.pattern()).as(forwarder.name()).isEqualTo(forwarder.pattern());
      assertThat(rule.state()).as(forwarder.name()).isEqualTo(forwarder.state());
      assertThat(rule.logicalId()).isEqualTo(MemberRulesTemplate.logicalId(forwarder.name()));
      assertThat(rule.targets()).hasSize(1);
      JsonNode target = rule.targets().get(0);
      assertThat(target.get("Id").asText()).isEqualTo("irctl-hub");
      assertThat(target.get("Arn").get("Fn::Sub").asText())
          .isEqualTo(
              "arn:${AWS::Partition}:events:${HubRegion}:${SecurityAccountId}:event-bus/default");
      assertThat(target.get("RoleArn").get("Fn::Sub").asText())
          .isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/irctl-event-forwarder");
    }
  }

  @Test
  void theTemplateTakesTheHubAsParametersAndKnowsEachPartitionsHomeRegion() {
    assertThat(TEMPLATE.get("Parameters").has("SecurityAccountId")).isTrue();
    assertThat(TEMPLATE.get("Parameters").has("HubRegion")).isTrue();
    TemplateInRegion anywhere = new TemplateInRegion(TEMPLATE, "eu-west-1");
    assertThat(anywhere.condition("InGlobalRegion")).isFalse();
    assertThat(anywhere.condition("NotInGlobalRegion")).isTrue();
    assertThat(new TemplateInRegion(TEMPLATE, "cn-north-1").condition("InGlobalRegion")).isTrue();
    // A partition without a home region (isolated) gets no global forwarders, as RuleScopes says.
    assertThat(new TemplateInRegion(TEMPLATE, "us-iso-east-1").condition("InGlobalRegion"))
        .isFalse();
  }

  @Test
  void aForwarderInOneRegionSetOnlyIsConditionedAndOneInBothIsOneResource() {
    JsonNode template = parsed(MemberRulesTemplate.rules(NO_ANY_SOURCE, "test"));
    JsonNode resources = template.get("Resources");
    List<String> home =
        new TemplateInRegion(template, "us-east-1")
            .rules().stream().map(TemplateInRegion.EventRule::logicalId).toList();
    List<String> elsewhere =
        new TemplateInRegion(template, "eu-west-1")
            .rules().stream().map(TemplateInRegion.EventRule::logicalId).toList();

    resources
        .properties()
        .forEach(
            e -> {
              String condition = e.getValue().path("Condition").asText("");
              boolean inHome = home.contains(e.getKey());
              boolean inElsewhere = elsewhere.contains(e.getKey());
              assertThat(inHome || inElsewhere).as(e.getKey()).isTrue();
              assertThat(condition)
                  .as(e.getKey())
                  .isEqualTo(
                      inHome && inElsewhere ? "" : inHome ? "InGlobalRegion" : "NotInGlobalRegion");
            });
    // IAM's events have a forwarder in the home region only.
    assertThat(resources.at("/ForwardAwsIam/Condition").asText()).isEqualTo("InGlobalRegion");
  }

  /** A global and a regional rule of one source: one forwarder, its pattern chosen by region. */
  @Test
  void aForwarderWhosePatternDiffersByRegionIsOneResourceWithFnIf() throws Exception {
    DesiredRule regional =
        rule(
            "irctl-regional",
            "{\"source\":[\"aws.s3\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventName\":[\"PutBucketPolicy\"]}}",
            false);
    DesiredRule global =
        rule(
            "irctl-global",
            "{\"source\":[\"aws.s3\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventName\":[\"PutAccountPublicAccessBlock\"]}}",
            true);
    JsonNode template = parsed(MemberRulesTemplate.rules(List.of(regional, global), "test"));

    JsonNode forwarder = template.at("/Resources/ForwardAwsS3");
    assertThat(forwarder.has("Condition")).isFalse();
    assertThat(forwarder.at("/Properties/EventPattern/Fn::If/0").asText())
        .isEqualTo("InGlobalRegion");
    JsonNode call =
        JSON.readTree(
            "{\"source\":\"aws.s3\",\"detail-type\":\"AWS API Call via CloudTrail\","
                + "\"detail\":{\"eventName\":\"PutAccountPublicAccessBlock\"}}");
    assertThat(new TemplateInRegion(template, "us-east-1").bus().fired(call))
        .containsExactly("irctl-forward-aws.s3");
    assertThat(new TemplateInRegion(template, "eu-west-1").bus().fired(call)).isEmpty();
  }

  private static DesiredRule rule(String name, String pattern, boolean global) throws Exception {
    return PatternRules.rule(name, pattern, global);
  }

  @Test
  void aMemberRuleWithoutExactDetailTypesIsRefusedNamingIt() throws Exception {
    DesiredRule loose = rule("irctl-loose", "{\"source\":[\"aws.ec2\"]}", false);

    assertThatThrownBy(() -> MemberRulesTemplate.rules(List.of(loose), "test"))
        .isInstanceOf(OrgInputException.class)
        .hasMessageContaining("rule loose")
        .hasMessageContaining("detail-types");
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
    assertThat(MemberRulesTemplate.logicalId("irctl-forward-aws.iam")).isEqualTo("ForwardAwsIam");
    assertThat(MemberRulesTemplate.logicalId("irctl-forward-any-source-2"))
        .isEqualTo("ForwardAnySource2");
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
