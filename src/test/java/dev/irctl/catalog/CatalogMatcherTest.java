package dev.irctl.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.UserException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogMatcherTest {
  private static CatalogMatcher matcher(Rule... rules) {
    PatternRenderer renderer = new PatternRenderer();
    return CatalogMatcher.compile(
        List.of(rules).stream()
            .map(r -> new RenderedRule(r, renderer.render(r, Map.of())))
            .toList());
  }

  private static Rule rule(String id, String pattern) {
    return TestRules.rule(id).pattern(pattern).build();
  }

  @Test
  void numericGreaterOrEqualCatchesEverySeverityFromTheThreshold() {
    CatalogMatcher matcher =
        matcher(
            rule(
                "medium-up",
                "{\"source\":[\"aws.guardduty\"],\"detail\":{\"severity\":[{\"numeric\":[\">=\",4]}]}}"),
            rule(
                "high-up",
                "{\"source\":[\"aws.guardduty\"],\"detail\":{\"severity\":[{\"numeric\":[\">=\",7]}]}}"));

    assertThat(matcher.matches(TestEvents.guardDutyFinding(3.9))).isEmpty();
    assertThat(matcher.matches(TestEvents.guardDutyFinding(4))).containsExactly("medium-up");
    assertThat(matcher.matches(TestEvents.guardDutyFinding(5.3))).containsExactly("medium-up");
    assertThat(matcher.matches(TestEvents.guardDutyFinding(7.5)))
        .containsExactly("high-up", "medium-up");
  }

  @Test
  void prefixMatching() {
    CatalogMatcher matcher =
        matcher(rule("deletes", "{\"detail\":{\"eventName\":[{\"prefix\":\"Delete\"}]}}"));

    assertThat(matcher.matches(TestEvents.apiCall("ec2.amazonaws.com", "DeleteVpc")))
        .containsExactly("deletes");
    assertThat(matcher.matches(TestEvents.apiCall("ec2.amazonaws.com", "CreateVpc"))).isEmpty();
  }

  @Test
  void anythingButAndExistsFalse() {
    CatalogMatcher matcher =
        matcher(
            rule(
                "root",
                "{\"detail\":{\"userIdentity\":{\"type\":[\"Root\"]},"
                    + "\"invokedBy\":[{\"exists\":false}],\"eventType\":[{\"anything-but\":\"AwsServiceEvent\"}]}}"));
    ObjectNode root = TestEvents.apiCall("iam.amazonaws.com", "CreateUser");
    ((ObjectNode) root.at("/detail/userIdentity")).put("type", "Root");
    ObjectNode viaService = root.deepCopy();
    ((ObjectNode) viaService.get("detail")).put("invokedBy", "support.amazonaws.com");
    ObjectNode serviceEvent = root.deepCopy();
    ((ObjectNode) serviceEvent.get("detail")).put("eventType", "AwsServiceEvent");

    assertThat(matcher.matches(root)).containsExactly("root");
    assertThat(matcher.matches(viaService)).isEmpty();
    assertThat(matcher.matches(serviceEvent)).isEmpty();
    assertThat(matcher.matches(TestEvents.apiCall("iam.amazonaws.com", "CreateUser"))).isEmpty();
  }

  @Test
  void readOnlyManagementEventsReachOnlyRulesThatAskForAllManagementEvents() {
    String pattern =
        "{\"source\":[\"aws.ec2\"],\"detail\":{\"eventName\":[\"DescribeInstances\"]}}";
    Rule write = TestRules.rule("write").pattern(pattern).build();
    Rule all = TestRules.rule("all").pattern(pattern).set("managementEvents", "\"all\"").build();
    ObjectNode describe = TestEvents.apiCall("ec2.amazonaws.com", "DescribeInstances");
    ((ObjectNode) describe.get("detail")).put("readOnly", true);

    assertThat(matcher(write, all).matches(describe)).containsExactly("all");
  }

  @Test
  void dataEventsReachWriteRules() {
    Rule rule =
        TestRules.rule("s3")
            .pattern("{\"source\":[\"aws.s3\"],\"detail\":{\"eventName\":[\"GetObject\"]}}")
            .build();
    ObjectNode get = TestEvents.apiCall("s3.amazonaws.com", "GetObject");
    ((ObjectNode) get.get("detail"))
        .put("readOnly", true)
        .put("managementEvent", false)
        .put("eventCategory", "Data");

    assertThat(matcher(rule).matches(get)).containsExactly("s3");
  }

  @Test
  void aPatternEventRulerRejectsIsAUsageErrorNamingTheRule() {
    Rule bad = rule("bad", "{\"detail\":{\"severity\":[{\"numeric\":[\">=\",\"x\"]}]}}");

    assertThatThrownBy(() -> matcher(bad))
        .isInstanceOf(UserException.class)
        .hasMessageContaining(
            "event-ruler rejects the event pattern of rule bad: Value of >= must be numeric");
  }

  @Test
  void withRulesSharedOverMachinesTheFirstRejectedRuleInOrderIsReported() {
    PatternRenderer renderer = new PatternRenderer();
    Rule good = rule("good", "{\"source\":[\"aws.iam\"]}");
    Rule first = rule("first-bad", "{\"detail\":{\"severity\":[{\"numeric\":[\">=\",\"x\"]}]}}");
    Rule second = rule("second-bad", "{\"detail\":{\"severity\":[{\"numeric\":[\"<\",\"y\"]}]}}");
    List<RenderedRule> rules =
        List.of(good, first, second).stream()
            .map(r -> new RenderedRule(r, renderer.render(r, Map.of())))
            .toList();

    for (int machines = 1; machines <= 3; machines++) {
      int count = machines;
      assertThatThrownBy(() -> CatalogMatcher.compile(rules, count))
          .as("%d machines", count)
          .hasMessageContaining("rule first-bad")
          .hasMessageNotContaining("second-bad");
    }
  }
}
