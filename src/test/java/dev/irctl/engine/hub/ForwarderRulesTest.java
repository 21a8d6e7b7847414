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

    // CIS's unauthorized-calls rule watches CloudTrail API calls of every source, so IAM's calls go
    // through the forwarder for any source, once.
    assertThat(forwardedBy).singleElement().asString().startsWith("irctl-forward-any-source");
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
    // Rules that watch every source (CIS unauthorized calls, root usage) make CloudTrail API calls
    // one forwarder for any source; GuardDuty findings keep their own.
    assertThat(forwarders)
        .extracting(DesiredRule::name)
        .contains("irctl-forward-aws.guardduty")
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
}
