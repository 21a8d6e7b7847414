package dev.irctl.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.catalog.Catalog;
import dev.irctl.catalog.CatalogSources;
import dev.irctl.catalog.EventBridgeQuotas;
import dev.irctl.catalog.Rule;
import dev.irctl.catalog.RuleParameter;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.rules.CatalogRules;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.RuleScopes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The forwarders, checked with EventBridge's matching library against the bundled catalog: each
 * example event of a rule a region carries is forwarded exactly once, and once on the hub bus it
 * fires the hub's rules, each once.
 */
class ForwarderRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Catalog CATALOG = Catalog.load(CatalogSources.bundledOnly());
  private static final List<DesiredRule> SELECTED =
      CatalogRules.desired(
          CATALOG, new CatalogRules.Selection(List.of(), List.of(), List.of()), examples());

  private static Map<String, String> examples() {
    Map<String, String> settings = new HashMap<>();
    for (Rule rule : CATALOG.rules()) {
      for (RuleParameter parameter : rule.parameters()) {
        settings.put(parameter.name(), parameter.exampleText());
      }
    }
    return settings;
  }

  private static List<DesiredRule> carried(String region) {
    return SELECTED.stream().filter(r -> RuleScopes.belongsIn(r, region)).toList();
  }

  private static JsonNode inRegion(JsonNode event, String region) {
    ObjectNode copy = event.deepCopy();
    copy.put("region", region);
    return copy;
  }

  @ParameterizedTest(name = "{0} forwarding to the hub {1}")
  @CsvSource({"eu-west-1,us-east-1", "us-east-1,eu-west-1", "ap-southeast-2,eu-north-1"})
  void everyMatchExampleIsForwardedOnceAndFiresEachHubRuleOnce(String region, String hub) {
    List<DesiredRule> regional = carried(region);
    MatchingBus forwarders = new MatchingBus(ForwarderRules.forRegion(regional, hub));
    MatchingBus regionalRules = new MatchingBus(regional);
    MatchingBus hubRules = new MatchingBus(SELECTED);
    int checked = 0;
    for (DesiredRule rule : regional) {
      for (JsonNode example : CATALOG.rule(rule.ruleId()).examples().match()) {
        JsonNode event = inRegion(example, region);
        List<String> native_ = regionalRules.fired(event);
        assertThat(native_).as("%s fires in %s", rule.ruleId(), region).contains(rule.name());

        assertThat(forwarders.fired(event))
            .as("forwarders of %s matching an example of %s", region, rule.ruleId())
            .hasSize(1);
        // The one copy on the hub bus is unmodified (source, detail-type, region kept): the hub
        // fires every rule the region would have fired, each once (one copy, one target each).
        assertThat(hubRules.fired(event)).containsAll(native_).doesNotHaveDuplicates();
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(regional.size());
  }

  @Test
  void anIamEventInUsEast1IsForwardedToAHubElsewhereAndFindsItsRuleThere() {
    DesiredRule iam =
        SELECTED.stream()
            .filter(r -> r.ruleId().equals("iam-permission-changes"))
            .findFirst()
            .orElseThrow();
    assertThat(iam.global()).isTrue();
    assertThat(carried("eu-west-1")).doesNotContain(iam);
    JsonNode event =
        inRegion(CATALOG.rule("iam-permission-changes").examples().match().get(0), "us-east-1");

    List<String> forwardedBy =
        new MatchingBus(ForwarderRules.forRegion(carried("us-east-1"), "eu-west-1")).fired(event);

    // CIS's unauthorized-calls and root rules watch every source, but only denied or root calls:
    // an IAM user's successful IAM call goes through the aws.iam forwarder, once.
    assertThat(forwardedBy).containsExactly("irctl-forward-aws.iam");
    assertThat(new MatchingBus(SELECTED).fired(event)).contains(iam.name());
  }

  @Test
  void forwardersFitEventBridgeLimitsAndAreNamedAndTaggedAsIrctls() {
    List<DesiredRule> forwarders = ForwarderRules.forRegion(carried("us-east-1"), "eu-west-1");

    assertThat(forwarders).isNotEmpty();
    assertThat(forwarders).extracting(DesiredRule::name).doesNotHaveDuplicates();
    for (DesiredRule forwarder : forwarders) {
      assertThat(forwarder.name()).startsWith("irctl-forward-").hasSizeLessThanOrEqualTo(64);
      assertThat(ForwarderRules.isForwarder(forwarder.name())).isTrue();
      assertThat(forwarder.pattern().toString().length())
          .isLessThanOrEqualTo(EventBridgeQuotas.PATTERN_LENGTH);
      assertThat(forwarder.tags())
          .containsEntry("managed-by", "irctl")
          .containsEntry(ForwarderRules.TAG_FORWARDER, "eu-west-1");
      assertThat(forwarder.description().length()).isLessThanOrEqualTo(512);
    }
    // Rules that watch every source (CIS unauthorized calls, root usage) get forwarders for any
    // source cut on their guards (errorCode, userIdentity.type); GuardDuty keeps its own.
    assertThat(forwarders)
        .extracting(DesiredRule::name)
        .anyMatch(name -> name.startsWith("irctl-forward-aws.guardduty"))
        .anyMatch(name -> name.startsWith("irctl-forward-any-source"));
  }

  @Test
  void aForwarderTakesTheStateThatReadOnlyManagementEventsNeedWhenAnyOfItsRulesDoes() {
    List<DesiredRule> forwarders = ForwarderRules.forRegion(carried("eu-west-1"), "us-east-1");
    boolean anyAll =
        carried("eu-west-1").stream()
            .anyMatch(r -> r.state().equals("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"));
    assertThat(anyAll).isTrue();
    assertThat(forwarders)
        .anyMatch(f -> f.state().equals("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS"));
  }

  private static DesiredRule rule(String name, String pattern) throws Exception {
    return PatternRules.rule(name, pattern, false);
  }

  @Test
  void aPatternPastTheLimitIsSplitAlongEventNamesIntoDisjointForwarders() throws Exception {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      names.add("\"SomeFairlyLongEventName" + i + "\"");
    }
    DesiredRule big =
        rule(
            "irctl-big",
            "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventName\":["
                + String.join(",", names)
                + "]}}");

    List<DesiredRule> forwarders = ForwarderRules.forRegion(List.of(big), "us-east-1");

    assertThat(forwarders.size()).isGreaterThan(1);
    assertThat(forwarders)
        .allMatch(f -> f.pattern().toString().length() <= EventBridgeQuotas.PATTERN_LENGTH);
    assertThat(forwarders)
        .extracting(DesiredRule::name)
        .contains("irctl-forward-aws.ec2-1", "irctl-forward-aws.ec2-2");
    MatchingBus bus = new MatchingBus(forwarders);
    for (int i = 0; i < 200; i++) {
      JsonNode event =
          JSON.readTree(
              "{\"source\":\"aws.ec2\",\"detail-type\":\"AWS API Call via CloudTrail\","
                  + "\"region\":\"eu-west-1\",\"detail\":{\"eventName\":\"SomeFairlyLongEventName"
                  + i
                  + "\"}}");
      assertThat(bus.fired(event)).hasSize(1);
    }
  }

  @Test
  void rulesForOneSourceWithAndWithoutEventNamesStayApart() throws Exception {
    DesiredRule named =
        rule(
            "irctl-a",
            "{\"source\":[\"aws.s3\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventName\":[\"PutBucketPolicy\"]}}");
    DesiredRule any =
        rule("irctl-b", "{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"]}");
    DesiredRule both =
        rule(
            "irctl-c",
            "{\"source\":[\"aws.s3\",\"aws.ec2\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventName\":[\"DeleteBucket\"]}}");

    List<DesiredRule> forwarders = ForwarderRules.forRegion(List.of(named, any, both), "us-east-1");

    Map<String, JsonNode> patterns = new HashMap<>();
    forwarders.forEach(f -> patterns.put(f.name(), f.pattern()));
    assertThat(patterns.keySet())
        .isEqualTo(
            Set.of("irctl-forward-aws.ec2", "irctl-forward-aws.s3-1", "irctl-forward-aws.s3-2"));
    assertThat(patterns.get("irctl-forward-aws.ec2"))
        .isEqualTo(
            JSON.readTree(
                "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                    + "\"detail\":{\"eventName\":[\"DeleteBucket\"]}}"));
    assertThat(patterns.values())
        .contains(
            JSON.readTree(
                "{\"source\":[\"aws.s3\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                    + "\"detail\":{\"eventName\":[\"DeleteBucket\",\"PutBucketPolicy\"]}}"),
            JSON.readTree("{\"source\":[\"aws.s3\"],\"detail-type\":[\"Object Created\"]}"));
  }

  @Test
  void aRuleWithoutExactDetailTypesCannotBeForwardedWithoutDuplicates() throws Exception {
    DesiredRule loose = rule("irctl-loose", "{\"source\":[\"aws.ec2\"]}");

    assertThatThrownBy(() -> ForwarderRules.forRegion(List.of(loose), "us-east-1"))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("irctl-loose")
        .hasMessageContaining("detail-types");
  }

  private static JsonNode call(String source, String eventName, String identity, String error)
      throws Exception {
    ObjectNode event =
        (ObjectNode)
            JSON.readTree(
                "{\"version\":\"0\",\"id\":\"1\",\"account\":\"111122223333\","
                    + "\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"eu-west-1\","
                    + "\"resources\":[],\"detail-type\":\"AWS API Call via CloudTrail\"}");
    event.put("source", source);
    ObjectNode detail = event.putObject("detail");
    detail.put("eventName", eventName);
    detail.put("eventSource", source.substring(4) + ".amazonaws.com");
    detail.put("eventType", "AwsApiCall");
    detail.put("sourceIPAddress", "198.51.100.23");
    detail.put("readOnly", eventName.startsWith("Describe"));
    detail.putObject("userIdentity").put("type", identity);
    if (error != null) {
      detail.put("errorCode", error);
    }
    return event;
  }

  @Test
  void aRoutineCallNoRuleMatchesIsNotForwardedThoughRulesWatchEverySource() throws Exception {
    MatchingBus forwarders =
        new MatchingBus(ForwarderRules.forRegion(carried("eu-west-1"), "us-east-1"));
    // The cut before forwarded every CloudTrail API call of the region (one any-source forwarder
    // for the detail-type) because CIS unauthorized calls and root usage watch every source.
    assertThat(forwarders.fired(call("aws.ec2", "DescribeInstances", "IAMUser", null))).isEmpty();
    assertThat(forwarders.fired(call("aws.ssm", "GetParameter", "AssumedRole", null))).isEmpty();
    assertThat(forwarders.fired(call("aws.ec2", "RunInstances", "AssumedRole", null))).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1} as {2}, error {3}")
  @CsvSource({
    "aws.ec2,DescribeInstances,IAMUser,Client.UnauthorizedOperation,irctl-cis-unauthorized-api-calls",
    "aws.kms,Decrypt,AssumedRole,AccessDeniedException,irctl-cis-unauthorized-api-calls",
    "aws.ec2,DescribeInstances,Root,,irctl-cis-root-account-usage",
    "aws.ec2,AuthorizeSecurityGroupIngress,Root,,irctl-cis-root-account-usage",
    "aws.ec2,AuthorizeSecurityGroupIngress,Root,AccessDenied,irctl-cis-root-account-usage",
    "aws.ec2,AuthorizeSecurityGroupIngress,IAMUser,,irctl-cis-security-group-changes",
    "aws.ec2,AuthorizeSecurityGroupIngress,IAMUser,InvalidPermission.Duplicate,"
        + "irctl-cis-security-group-changes",
    "aws.ec2,AuthorizeSecurityGroupIngress,IAMUser,Client.UnauthorizedOperation,"
        + "irctl-cis-security-group-changes",
    "aws.ec2,AuthorizeSecurityGroupIngress,Root,Client.UnauthorizedOperation,"
        + "irctl-cis-root-account-usage"
  })
  void callsAtTheEdgesOfTheCutAreForwardedOnceAndFireWhatTheyFireInTheRegion(
      String source, String eventName, String identity, String error, String fires)
      throws Exception {
    List<DesiredRule> regional = carried("eu-west-1");
    JsonNode event = call(source, eventName, identity, error);

    List<String> native_ = new MatchingBus(regional).fired(event);
    assertThat(native_).contains(fires);
    assertThat(new MatchingBus(ForwarderRules.forRegion(regional, "us-east-1")).fired(event))
        .hasSize(1);
    assertThat(new MatchingBus(SELECTED).fired(event)).containsAll(native_);
  }

  @Test
  void theAnySourceForwardersTakeOnlyWhatTheirGuardsPassAndTheOthersTheRest() throws Exception {
    Map<String, JsonNode> patterns = new HashMap<>();
    ForwarderRules.forRegion(carried("eu-west-1"), "us-east-1")
        .forEach(f -> patterns.put(f.name(), f.pattern()));

    assertThat(patterns.values())
        .contains(
            JSON.readTree(
                "{\"detail-type\":[\"AWS API Call via CloudTrail\"],\"$or\":["
                    + "{\"detail\":{\"userIdentity\":{\"type\":[\"Root\"]}}},"
                    + "{\"detail\":{\"errorCode\":[{\"exists\":true}]}}]}"));
    JsonNode ec2 =
        patterns.values().stream()
            .filter(p -> p.path("source").path(0).asText().equals("aws.ec2"))
            .filter(
                p -> p.path("detail-type").path(0).asText().equals("AWS API Call via CloudTrail"))
            .findFirst()
            .orElseThrow();
    assertThat(ec2.path("$or"))
        .containsExactlyInAnyOrder(
            JSON.readTree(
                "{\"detail\":{\"errorCode\":[{\"exists\":false}],"
                    + "\"userIdentity\":{\"type\":[{\"anything-but\":[\"Root\"]}]}}}"),
            JSON.readTree(
                "{\"detail\":{\"errorCode\":[{\"exists\":false}],"
                    + "\"userIdentity\":{\"type\":[{\"exists\":false}]}}}"));
  }

  @Test
  void anAnySourceRuleWithoutAFieldToGuardOnKeepsItsDetailTypeWhole() throws Exception {
    DesiredRule unguarded =
        rule(
            "irctl-unguarded",
            "{\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"sourceIPAddress\":[{\"anything-but\":\"10.0.0.1\"}]}}");
    DesiredRule ec2 =
        rule(
            "irctl-ec2",
            "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
                + "\"detail\":{\"eventName\":[\"DeleteVpc\"]}}");

    List<DesiredRule> forwarders = ForwarderRules.forRegion(List.of(unguarded, ec2), "us-east-1");

    assertThat(forwarders)
        .singleElement()
        .extracting(DesiredRule::pattern)
        .isEqualTo(JSON.readTree("{\"detail-type\":[\"AWS API Call via CloudTrail\"]}"));
  }
}
