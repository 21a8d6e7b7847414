package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.FakeEventBridge;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApplyRulesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakePorts aws = new FakePorts();

  private static DesiredRule rule(String id, boolean global) throws Exception {
    return TestRules.rule(id, "{\"source\":[\"aws." + id + "\"]}", global, ConsoleSignIns.NONE);
  }

  private ApplyRulesRequest request(
      List<DesiredRule> rules,
      MessageFormat format,
      boolean prune,
      List<SubscriptionSpec> subscriptions) {
    return new ApplyRulesRequest(
        "default",
        new TopicSpec("irctl-alerts", Optional.empty(), subscriptions),
        format,
        prune,
        rules,
        List.of(),
        Optional.empty(),
        List.of());
  }

  private List<PartResult> run(List<String> regions, ApplyRulesRequest request, boolean dryRun) {
    return PartRun.run(aws, 4, regions, new RulesPart(request), dryRun);
  }

  @Test
  void aFreshRegionCostsOneTopicCallAndTwoCallsPerRuleAndASecondRunWritesNothing()
      throws Exception {
    ApplyRulesRequest request =
        request(
            List.of(rule("a", false), rule("b", false), rule("c", false)),
            MessageFormat.RAW,
            false,
            List.of(new SubscriptionSpec("email", "a@b.co")));

    List<PartResult> first = run(List.of("eu-west-1"), request, false);

    assertThat(first.get(0).status()).isEqualTo(PartStatus.APPLIED);
    assertThat(aws.log().writes())
        .containsExactlyInAnyOrder(
            "eu-west-1 sns:CreateTopic (write)",
            "eu-west-1 sns:Subscribe (write)",
            "eu-west-1 events:PutRule (write)",
            "eu-west-1 events:PutRule (write)",
            "eu-west-1 events:PutRule (write)",
            "eu-west-1 events:PutTargets (write)",
            "eu-west-1 events:PutTargets (write)",
            "eu-west-1 events:PutTargets (write)");
    assertThat(first.get(0).writes()).isEqualTo(8);

    aws.log().clear();
    List<PartResult> second = run(List.of("eu-west-1"), request, false);

    assertThat(second.get(0).status()).isEqualTo(PartStatus.IN_SYNC);
    assertThat(aws.log().writes()).isEmpty();
    assertThat(second.get(0).notes().pendingSubscriptions()).containsExactly("email:a@b.co");
  }

  private long calls(String action) {
    return aws.log().calls().stream().filter(c -> c.equals("eu-west-1 " + action)).count();
  }

  @Test
  void aFirstRunListsTheBusOnceForThePlanAndTheQuotaAndReadsNoTags() throws Exception {
    aws.eventBridgeIn("eu-west-1").fill("default", 5);
    ApplyRulesRequest request =
        request(List.of(rule("a", false), rule("b", false)), MessageFormat.RAW, false, List.of());

    run(List.of("eu-west-1"), request, false);

    assertThat(calls("events:ListRules")).isEqualTo(1);
    assertThat(calls("events:ListTagsForResource")).isZero();
    assertThat(calls("events:PutRule (write)")).isEqualTo(2);
  }

  @Test
  void aSecondRunReadsEachRulesTargetsButNoRuleTagsAndWritesNothing() throws Exception {
    ApplyRulesRequest request =
        request(
            List.of(rule("a", false), rule("b", false), rule("c", false)),
            MessageFormat.RAW,
            false,
            List.of());
    run(List.of("eu-west-1"), request, false);
    aws.log().clear();

    PartResult second = run(List.of("eu-west-1"), request, false).get(0);

    assertThat(second.status()).isEqualTo(PartStatus.IN_SYNC);
    assertThat(aws.log().calls())
        .containsExactlyInAnyOrder(
            "global sts:GetCallerIdentity",
            "eu-west-1 events:ListRules",
            "eu-west-1 events:ListTargetsByRule",
            "eu-west-1 events:ListTargetsByRule",
            "eu-west-1 events:ListTargetsByRule",
            "eu-west-1 sns:GetTopicAttributes",
            "eu-west-1 sns:ListTagsForResource",
            "eu-west-1 sns:ListSubscriptionsByTopic");
  }

  @Test
  void aRuleThatWouldChangeHasItsTagsReadBeforeItIsWritten() throws Exception {
    List<DesiredRule> rules = List.of(rule("a", false), rule("b", false));
    run(List.of("eu-west-1"), request(rules, MessageFormat.RAW, false, List.of()), false);
    aws.log().clear();

    run(List.of("eu-west-1"), request(rules, MessageFormat.READABLE, false, List.of()), false);

    List<String> calls = aws.log().calls();
    assertThat(calls("events:ListTagsForResource")).isEqualTo(2);
    assertThat(calls.lastIndexOf("eu-west-1 events:ListTagsForResource"))
        .isLessThan(calls.indexOf("eu-west-1 events:PutTargets (write)"));
  }

  @Test
  void aRuleWithIrctlsNameButNotItsTagIsReadAndNeverChanged() throws Exception {
    aws.eventBridgeIn("eu-west-1")
        .existing(
            "default", "irctl-a", "{\"source\":[\"aws.ec2\"]}", "ENABLED", Map.of(), List.of());

    PartResult result =
        run(
                List.of("eu-west-1"),
                request(List.of(rule("a", false)), MessageFormat.RAW, false, List.of()),
                false)
            .get(0);

    assertThat(result.failed()).isTrue();
    assertThat(result.error()).get().asString().contains("is not tagged managed-by=irctl");
    assertThat(calls("events:ListTagsForResource")).isEqualTo(1);
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void anUnselectedIrctlRuleHasItsTagsReadToTellAnOrphanFromAForeignRule() throws Exception {
    run(
        List.of("eu-west-1"),
        request(List.of(rule("a", false), rule("b", false)), MessageFormat.RAW, false, List.of()),
        false);
    aws.eventBridgeIn("eu-west-1")
        .existing(
            "default",
            "irctl-theirs",
            "{\"source\":[\"aws.ec2\"]}",
            "ENABLED",
            Map.of(),
            List.of());
    aws.log().clear();

    PartResult result =
        run(
                List.of("eu-west-1"),
                request(List.of(rule("a", false)), MessageFormat.RAW, true, List.of()),
                false)
            .get(0);

    assertThat(calls("events:ListTagsForResource")).isEqualTo(2);
    assertThat(aws.log().writes())
        .containsExactly(
            "eu-west-1 events:RemoveTargets (write)", "eu-west-1 events:DeleteRule (write)");
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .containsExactly("irctl-a", "irctl-theirs");
    assertThat(result.status()).isEqualTo(PartStatus.APPLIED);
  }

  @Test
  void switchingToReadableMessagesRewritesOnlyTheTargets() throws Exception {
    List<DesiredRule> rules = List.of(rule("a", false), rule("b", false));
    run(List.of("eu-west-1"), request(rules, MessageFormat.RAW, false, List.of()), false);
    aws.log().clear();

    run(List.of("eu-west-1"), request(rules, MessageFormat.READABLE, false, List.of()), false);

    assertThat(aws.log().writes())
        .containsExactly(
            "eu-west-1 events:PutTargets (write)", "eu-west-1 events:PutTargets (write)");
    RuleTarget target =
        aws.eventBridgeIn("eu-west-1")
            .rule("default", "irctl-a")
            .orElseThrow()
            .targets()
            .get("irctl-sns");
    assertThat(target.transformer())
        .get()
        .satisfies(
            t -> {
              assertThat(t.inputPaths())
                  .containsEntry("principal", "$.detail.userIdentity.arn")
                  .containsEntry("sourceIp", "$.detail.sourceIPAddress");
              assertThat(t.inputTemplate())
                  .startsWith("\"Title a (severity high)")
                  .contains("<eventName>")
                  .contains("<time>");
            });
  }

  @Test
  void anExistingTopicPolicyKeepsTheUsersStatements() throws Exception {
    String arn = aws.snsIn("eu-west-1").arnOf("irctl-alerts");
    String userPolicy =
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Alarms\",\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"cloudwatch.amazonaws.com\"},"
            + "\"Action\":\"sns:Publish\",\"Resource\":\""
            + arn
            + "\"}]}";
    aws.snsIn("eu-west-1").existing("irctl-alerts", userPolicy, Map.of());

    run(
        List.of("eu-west-1"),
        request(List.of(rule("a", false)), MessageFormat.RAW, false, List.of()),
        false);

    var policy =
        JSON.readTree(
            aws.snsIn("eu-west-1").topic("irctl-alerts").orElseThrow().attributes().get("Policy"));
    assertThat(policy.get("Statement")).hasSize(2);
    assertThat(policy.get("Statement").get(0))
        .isEqualTo(JSON.readTree(userPolicy).get("Statement").get(0));
    assertThat(aws.snsIn("eu-west-1").topic("irctl-alerts").orElseThrow().tags())
        .doesNotContainKey("managed-by");
  }

  @Test
  void anUnreadableTopicPolicyFailsTheRegionBeforeAnyWrite() throws Exception {
    aws.snsIn("eu-west-1").existing("irctl-alerts", "{broken", Map.of());

    List<PartResult> results =
        run(
            List.of("eu-west-1", "us-west-2"),
            request(List.of(rule("a", false)), MessageFormat.RAW, false, List.of()),
            false);

    assertThat(results.get(0).failed()).isTrue();
    assertThat(results.get(0).error()).get().asString().contains("cannot be read");
    assertThat(aws.log().writes()).noneMatch(w -> w.startsWith("eu-west-1"));
    assertThat(results.get(1).status()).isEqualTo(PartStatus.APPLIED);
  }

  @Test
  void aFullBusFailsTheRegionBeforeAnyWrite() throws Exception {
    aws.eventBridgeIn("eu-west-1").fill("default", 299);

    List<PartResult> results =
        run(
            List.of("eu-west-1"),
            request(
                List.of(rule("a", false), rule("b", false)), MessageFormat.RAW, false, List.of()),
            false);

    assertThat(results.get(0).failed()).isTrue();
    assertThat(results.get(0).error())
        .get()
        .asString()
        .contains("holds 299 rules and 2 more would pass EventBridge's quota of 300");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void tooManyWildcardRulesOnTheBusFailTheRegionBeforeAnyWrite() throws Exception {
    FakeEventBridge bus = aws.eventBridgeIn("eu-west-1");
    for (int i = 0; i < 29; i++) {
      bus.existing(
          "default",
          "user-wild-" + i,
          "{\"detail\":{\"arn\":[{\"wildcard\":\"arn:*\"}]}}",
          "ENABLED",
          Map.of(),
          List.of());
    }
    DesiredRule wild1 =
        withPattern(rule("a", false), "{\"detail\":{\"x\":[{\"wildcard\":\"a*\"}]}}");
    DesiredRule wild2 =
        withPattern(rule("b", false), "{\"detail\":{\"x\":[{\"wildcard\":\"b*\"}]}}");

    List<PartResult> results =
        run(
            List.of("eu-west-1"),
            request(List.of(wild1, wild2), MessageFormat.RAW, false, List.of()),
            true);

    assertThat(results.get(0).failed()).isTrue();
    assertThat(results.get(0).error())
        .get()
        .asString()
        .contains("would hold 31 rules whose pattern uses a wildcard filter")
        .contains("quota of 30 per bus")
        .contains("(2 of them created or rewritten by this plan)");
    assertThat(aws.log().writes()).isEmpty();

    List<PartResult> fits =
        run(
            List.of("eu-west-1"),
            request(List.of(wild1, rule("b", false)), MessageFormat.RAW, false, List.of()),
            false);
    assertThat(fits.get(0).failed()).as(fits.get(0).toString()).isFalse();
  }

  private static DesiredRule withPattern(DesiredRule rule, String pattern) throws Exception {
    return new DesiredRule(
        rule.name(),
        rule.ruleId(),
        rule.title(),
        rule.severity(),
        rule.description(),
        JSON.readTree(pattern),
        rule.state(),
        rule.tags(),
        rule.global(),
        false,
        ConsoleSignIns.NONE);
  }

  @Test
  void aRegionWithALowerQuotaFailsAtItsOwnLimit() throws Exception {
    aws.eventBridgeIn("af-south-1").fill("default", 99);

    List<PartResult> results =
        run(
            List.of("af-south-1"),
            request(
                List.of(rule("a", false), rule("b", false)), MessageFormat.RAW, false, List.of()),
            false);

    assertThat(results.get(0).failed()).isTrue();
    assertThat(results.get(0).error())
        .get()
        .asString()
        .contains("holds 99 rules and 2 more would pass EventBridge's quota of 100");
    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aFailedPutTargetsEntryFailsTheRegionWithAwssMessageAndTheRerunConverges() throws Exception {
    aws.eventBridgeIn("eu-west-1")
        .rejectTargetsOf("irctl-b", "ValidationException: the topic is not accessible");
    ApplyRulesRequest request =
        request(List.of(rule("a", false), rule("b", false)), MessageFormat.RAW, false, List.of());

    PartResult failed = run(List.of("eu-west-1"), request, false).get(0);

    assertThat(failed.failed()).isTrue();
    assertThat(failed.error())
        .get()
        .asString()
        .contains("rule irctl-b")
        .contains("the topic is not accessible");
    assertThat(aws.eventBridgeIn("eu-west-1").rule("default", "irctl-a").orElseThrow().targets())
        .containsKey("irctl-sns");

    aws.eventBridgeIn("eu-west-1").rejectTargetsOf("irctl-b", null);
    aws.log().clear();
    PartResult rerun = run(List.of("eu-west-1"), request, false).get(0);

    assertThat(rerun.status()).isEqualTo(PartStatus.APPLIED);
    assertThat(aws.log().writes()).containsExactly("eu-west-1 events:PutTargets (write)");
  }

  @Test
  void pruneDeletesOrphansTargetsFirst() throws Exception {
    run(
        List.of("eu-west-1"),
        request(List.of(rule("a", false), rule("b", false)), MessageFormat.RAW, false, List.of()),
        false);
    aws.log().clear();

    PartResult kept =
        run(
                List.of("eu-west-1"),
                request(List.of(rule("a", false)), MessageFormat.RAW, false, List.of()),
                false)
            .get(0);
    assertThat(kept.notes().orphans()).containsExactly("irctl-b");
    assertThat(aws.log().writes()).isEmpty();

    run(
        List.of("eu-west-1"),
        request(List.of(rule("a", false)), MessageFormat.RAW, true, List.of()),
        false);
    assertThat(aws.log().writes())
        .containsExactly(
            "eu-west-1 events:RemoveTargets (write)", "eu-west-1 events:DeleteRule (write)");
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default")).containsExactly("irctl-a");
  }

  @Test
  void independentRulesAreAppliedConcurrentlyWithinARegion() throws Exception {
    aws.log().latency(100);
    List<DesiredRule> rules = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      rules.add(rule("r" + i, false));
    }
    long start = System.nanoTime();

    run(List.of("eu-west-1"), request(rules, MessageFormat.RAW, false, List.of()), false);

    long millis = (System.nanoTime() - start) / 1_000_000;
    // Dependent chain: STS, ListRules (whole bus: plan and quota) ‖ GetTopicAttributes,
    // CreateTopic ‖ PutRule, PutTargets = 4 calls.
    // One call per rule in sequence would take 40 x 100 ms.
    assertThat(millis).isLessThan(1_200);
  }
}
