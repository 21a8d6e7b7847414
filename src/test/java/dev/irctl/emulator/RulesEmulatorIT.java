package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/**
 * apply-rules over 17 regions, its re-run, foreign rules, targets and topic-policy statements
 * surviving {@code --prune}, and remove-rules: one scenario against one emulator, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesEmulatorIT extends EmulatorTier {
  static final String TOPIC = "irctl-alerts";
  static final String SID = "irctl-eventbridge-publish";
  static final String PLANTED_REGION = "eu-west-1";
  static final String FOREIGN_RULE = "team-x-console-logins";
  static final String UNTAGGED_RULE = "irctl-handmade";
  static final String FOREIGN_SID = "team-x-subscribe";
  static final String FOREIGN_TARGET = "team-x-target";

  static String topicArn(String region) {
    return "arn:aws:sns:" + region + ":" + Emulator.ACCOUNT + ":" + TOPIC;
  }

  @Test
  @Order(1)
  void applyRulesPutsEveryRuleInItsRegionWithATargetInTheSameRegion() throws Exception {
    ok(
        "apply-rules",
        "--region",
        ALL_REGIONS,
        "--exclude",
        HONEY_BUCKET,
        "--subscribe",
        "email:soc@example.com");

    Set<String> regional = names(catalogIds("regional"));
    Set<String> global = names(catalogIds("global"));
    Set<String> watching = names(alertPathIds());
    for (String region : Emulator.REGIONS) {
      Set<String> expected = new TreeSet<>(regional);
      if (region.equals("us-east-1")) {
        expected.addAll(global);
      }
      assertThat(irctlRules(region)).as("irctl rules in %s", region).isEqualTo(expected);
      for (String rule : expected) {
        List<String> arns = new java.util.ArrayList<>(List.of(topicArn(region)));
        if (watching.contains(rule)) {
          // The tamper path's second target, in the same region (docs/alert-path.md).
          arns.add(
              "arn:aws:logs:" + region + ":" + Emulator.ACCOUNT + ":log-group:/irctl/alert-path");
        }
        assertThat(targets(region, rule))
            .as("targets of %s in %s", rule, region)
            .extracting(Target::arn)
            .containsExactlyInAnyOrderElementsOf(arns);
        assertThat(ruleTags(region, rule)).as(rule).containsEntry("managed-by", "irctl");
      }
      assertPublishStatement(region);
    }
  }

  @Test
  @Order(2)
  void emailSubscriptionsAreConfirmedAtOnceInTheEmulator() {
    // An emulator difference: AWS keeps an email subscription "PendingConfirmation" until the
    // recipient clicks the link; moto confirms it at once. WireMock tests cover the pending case.
    for (String region : List.of("us-east-1", "sa-east-1")) {
      List<Subscription> subscriptions =
          emulator
              .sns(region)
              .listSubscriptionsByTopic(r -> r.topicArn(topicArn(region)))
              .subscriptions();
      assertThat(subscriptions)
          .extracting(Subscription::endpoint)
          .containsExactly("soc@example.com");
      assertThat(subscriptions.get(0).subscriptionArn()).startsWith(topicArn(region) + ":");
    }
  }

  @Test
  @Order(3)
  void aSecondRunMakesNoWriteCalls() throws Exception {
    ok(
        "apply-rules",
        "--region",
        ALL_REGIONS,
        "--exclude",
        HONEY_BUCKET,
        "--subscribe",
        "email:soc@example.com");
    assertThat(proxy.writes()).as("write calls of the re-run").isEmpty();
  }

  @Test
  @Order(4)
  void pruneDeletesOnlyIrctlsOwnRules() throws Exception {
    String region = PLANTED_REGION;
    String pruned = catalogIds("regional").iterator().next();
    EventBridgeClient events = emulator.events(region);
    // Planted: a rule someone else made, a rule with irctl's name but not its tag, a target added
    // to one of irctl's rules, and a statement added to irctl's topic policy.
    String foreignArn =
        events
            .putRule(r -> r.name(FOREIGN_RULE).eventPattern("{\"source\":[\"aws.signin\"]}"))
            .ruleArn();
    events.putTargets(
        r ->
            r.rule(FOREIGN_RULE)
                .targets(Target.builder().id("team-x").arn(topicArn(region)).build()));
    events.putRule(
        r ->
            r.name(UNTAGGED_RULE)
                .eventPattern("{\"source\":[\"aws.ec2\"]}")
                .tags(t -> t.key("owner").value("team-x")));
    String kept = "irctl-" + catalogIds("regional").stream().skip(1).findFirst().orElseThrow();
    events.putTargets(
        r ->
            r.rule(kept)
                .targets(
                    Target.builder()
                        .id(FOREIGN_TARGET)
                        .arn("arn:aws:sqs:" + region + ":" + Emulator.ACCOUNT + ":team-x")
                        .build()));
    SnsClient sns = emulator.sns(region);
    ObjectNode policy = topicPolicy(region);
    ObjectNode foreign = policy.withArray("Statement").addObject();
    foreign.put("Sid", FOREIGN_SID);
    foreign.put("Effect", "Allow");
    foreign.putObject("Principal").put("AWS", "arn:aws:iam::111122223333:root");
    foreign.put("Action", "sns:Subscribe");
    foreign.put("Resource", topicArn(region));
    sns.setTopicAttributes(
        r ->
            r.topicArn(topicArn(region)).attributeName("Policy").attributeValue(policy.toString()));

    ok(
        "apply-rules",
        "--region",
        region,
        "--exclude",
        HONEY_BUCKET,
        "--exclude",
        pruned,
        "--prune",
        "--subscribe",
        "email:soc@example.com");

    Set<String> rules = allRules(region);
    assertThat(rules).doesNotContain("irctl-" + pruned).contains(FOREIGN_RULE, UNTAGGED_RULE, kept);
    assertThat(targets(region, FOREIGN_RULE)).extracting(Target::id).containsExactly("team-x");
    assertThat(targets(region, kept))
        .extracting(Target::id)
        .containsExactlyInAnyOrder("irctl-sns", FOREIGN_TARGET);
    assertThat(events.describeRule(r -> r.name(FOREIGN_RULE)).arn()).isEqualTo(foreignArn);
    assertThat(statementSids(region)).contains(SID, FOREIGN_SID);
    assertPublishStatement(region);
    assertThat(proxy.calls())
        .as("DeleteRule calls of the prune run: the pruned rule's only")
        .filteredOn(c -> c.operation().equals("DeleteRule"))
        .hasSize(1);
  }

  @Test
  @Order(5)
  void removeRulesDeletesIrctlsRulesEverywhereAndKeepsTheRest() throws Exception {
    String region = PLANTED_REGION;
    String kept = "irctl-" + catalogIds("regional").stream().skip(1).findFirst().orElseThrow();
    ok("remove-rules", "--region", ALL_REGIONS);

    for (String r : Emulator.REGIONS) {
      Set<String> left = irctlRules(r);
      if (r.equals(region)) {
        // The untagged look-alike is not irctl's; the rule with a target someone added is kept.
        assertThat(left)
            .as("irctl-named rules left in %s", r)
            .containsExactlyInAnyOrder(UNTAGGED_RULE, kept);
        assertThat(allRules(r)).contains(FOREIGN_RULE);
        assertThat(statementSids(r)).contains(FOREIGN_SID);
      } else {
        assertThat(left).as("irctl rules left in %s", r).isEmpty();
      }
      assertThat(topics(r)).as("topic kept without --delete-topic in %s", r).contains(topicArn(r));
    }

    // Not told which subscriptions irctl made, remove-rules counts apply-rules' email subscription
    // as someone else's: the topic is kept (the safe side) and the output says why.
    Irctl.Result unnamed = ok("remove-rules", "--region", "us-east-1,ap-south-1", "--delete-topic");
    assertThat(unnamed.out() + unnamed.err()).contains("subscriptions irctl did not make");
    for (String r : List.of("us-east-1", "ap-south-1")) {
      assertThat(topics(r)).as("topic with a subscription kept in %s", r).contains(topicArn(r));
    }
    // Told (--subscribe, as apply-rules was), the clean irctl topics go, and their statement
    // with them.
    Irctl.Result removed =
        ok(
            "remove-rules",
            "--region",
            "us-east-1,ap-south-1",
            "--delete-topic",
            "--subscribe",
            "email:soc@example.com");
    assertThat(removed.out()).contains("delete topic");
    for (String r : List.of("us-east-1", "ap-south-1")) {
      assertThat(topics(r)).as("clean irctl topic deleted in %s", r).doesNotContain(topicArn(r));
    }
    // A topic with a subscription nobody named is still kept.
    Irctl.Result planted =
        ok(
            "remove-rules",
            "--region",
            "sa-east-1",
            "--delete-topic",
            "--subscribe",
            "email:other@example.com");
    assertThat(planted.out() + planted.err()).contains("subscriptions irctl did not make");
    assertThat(topics("sa-east-1")).contains(topicArn("sa-east-1"));
  }

  private void assertPublishStatement(String region) {
    JsonNode ours = null;
    for (JsonNode statement : topicPolicy(region).path("Statement")) {
      if (SID.equals(statement.path("Sid").asText())) {
        ours = statement;
      }
    }
    assertThat(ours).as("statement %s on the topic in %s", SID, region).isNotNull();
    assertThat(ours.path("Effect").asText()).isEqualTo("Allow");
    assertThat(ours.path("Principal").path("Service").asText()).isEqualTo("events.amazonaws.com");
    assertThat(ours.path("Action").toString()).contains("sns:Publish");
    assertThat(ours.path("Resource").asText()).isEqualTo(topicArn(region));
    assertThat(ours.path("Condition").path("StringEquals").path("aws:SourceAccount").asText())
        .isEqualTo(Emulator.ACCOUNT);
    assertThat(ours.path("Condition").path("ArnLike").path("aws:SourceArn").asText())
        .isEqualTo("arn:aws:events:" + region + ":" + Emulator.ACCOUNT + ":rule/irctl-*");
  }

  private ObjectNode topicPolicy(String region) {
    String policy = emulator.topicPolicy(region, topicArn(region));
    try {
      return (ObjectNode) JSON.readTree(policy);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Set<String> statementSids(String region) {
    Set<String> sids = new HashSet<>();
    topicPolicy(region).path("Statement").forEach(s -> sids.add(s.path("Sid").asText()));
    return sids;
  }

  private Set<String> topics(String region) {
    return emulator.sns(region).listTopicsPaginator().topics().stream()
        .map(t -> t.topicArn())
        .collect(Collectors.toSet());
  }

  private Set<String> allRules(String region) {
    Set<String> names = new TreeSet<>();
    String token = null;
    do {
      String page = token;
      var response = emulator.events(region).listRules(r -> r.nextToken(page).limit(100));
      response.rules().stream().map(Rule::name).forEach(names::add);
      token = response.nextToken();
    } while (token != null && !token.isEmpty());
    return names;
  }

  private Set<String> irctlRules(String region) {
    return allRules(region).stream()
        .filter(name -> name.startsWith("irctl-"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<Target> targets(String region, String rule) {
    return emulator.events(region).listTargetsByRule(r -> r.rule(rule)).targets();
  }

  private Map<String, String> ruleTags(String region, String rule) {
    EventBridgeClient events = emulator.events(region);
    String arn = events.describeRule(r -> r.name(rule)).arn();
    return events.listTagsForResource(r -> r.resourceARN(arn)).tags().stream()
        .collect(Collectors.toMap(t -> t.key(), t -> t.value()));
  }

  private static Set<String> names(Set<String> ids) {
    return ids.stream().map(id -> "irctl-" + id).collect(Collectors.toCollection(TreeSet::new));
  }
}
