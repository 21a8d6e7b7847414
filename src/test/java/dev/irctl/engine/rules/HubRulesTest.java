package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.cli.Flags;
import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.hub.ForwarderRolePart;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.run.PartResult;
import dev.irctl.engine.run.PartStatus;
import dev.irctl.fakes.FakeEventBridge;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One inbox: the hub region alerts, every other region forwards; switching is a plain plan. */
class HubRulesTest {
  private static final String HUB = "eu-west-1";
  private static final List<String> REGIONS = List.of("eu-west-1", "us-east-1", "ap-southeast-2");
  private static final String HUB_BUS =
      "arn:aws:events:eu-west-1:" + FakePorts.ACCOUNT + ":event-bus/default";
  private static final String ROLE =
      "arn:aws:iam::" + FakePorts.ACCOUNT + ":role/irctl-event-forwarder";

  private final FakePorts aws = new FakePorts();

  private static DesiredRule rule(String id, String source, boolean global) {
    return TestRules.rule(
        id,
        "{\"source\":[\""
            + source
            + "\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
            + "\"detail\":{\"eventName\":[\"Delete"
            + id
            + "\"]}}",
        global,
        ConsoleSignIns.NONE);
  }

  private static final List<DesiredRule> RULES =
      List.of(rule("a", "aws.ec2", false), rule("b", "aws.s3", false), rule("c", "aws.iam", true));

  private static ApplyRulesRequest perRegion(boolean prune) {
    return new ApplyRulesRequest(
        "default",
        new TopicSpec(
            "irctl-alerts", Optional.empty(), List.of(new SubscriptionSpec("email", "soc@x.co"))),
        MessageFormat.RAW,
        prune,
        RULES,
        List.of(),
        Optional.empty(),
        List.of());
  }

  private static ApplyRulesRequest hub(boolean prune) {
    return perRegion(prune).withHub(HUB);
  }

  private List<PartResult> apply(ApplyRulesRequest request) {
    return PartRun.run(aws, 4, REGIONS, new RulesPart(request), false);
  }

  private FakeEventBridge events(String region) {
    return aws.eventBridgeIn(region);
  }

  private RuleTarget target(String region, String rule, String id) {
    return events(region).rule("default", rule).orElseThrow().targets().get(id);
  }

  @Test
  void theHubCarriesEveryRuleAndTheTopicAndTheOtherRegionsOnlyForward() {
    apply(hub(false));

    assertThat(events(HUB).ruleNames("default")).containsExactly("irctl-a", "irctl-b", "irctl-c");
    for (String name : events(HUB).ruleNames("default")) {
      assertThat(events(HUB).rule("default", name).orElseThrow().targets().values())
          .as("no hub rule targets a bus, so nothing loops")
          .allSatisfy(t -> assertThat(t.arn()).contains(":sns:").doesNotContain(":event-bus/"));
    }
    assertThat(aws.snsIn(HUB).topic("irctl-alerts")).isPresent();
    assertThat(aws.snsIn(HUB).subscriptions(aws.snsIn(HUB).arnOf("irctl-alerts"))).hasSize(1);

    // us-east-1 carries the global IAM rule without a hub, so it forwards aws.iam too.
    assertThat(events("us-east-1").ruleNames("default"))
        .containsExactly("irctl-forward-aws.ec2", "irctl-forward-aws.iam", "irctl-forward-aws.s3");
    assertThat(events("ap-southeast-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.ec2", "irctl-forward-aws.s3");
    RuleTarget forward = target("us-east-1", "irctl-forward-aws.iam", RuleTarget.HUB_TARGET_ID);
    assertThat(forward.arn()).isEqualTo(HUB_BUS);
    assertThat(forward.roleArn()).contains(ROLE);
    assertThat(forward.transformer()).as("forwarded unmodified").isEmpty();
    for (String region : List.of("us-east-1", "ap-southeast-2")) {
      assertThat(aws.snsIn(region).topic("irctl-alerts"))
          .as("subscriptions only on the hub topic")
          .isEmpty();
    }
  }

  @Test
  void aSecondRunWritesNothing() {
    apply(hub(false));
    aws.log().clear();

    List<PartResult> second = apply(hub(false));

    assertThat(aws.log().writes()).isEmpty();
    assertThat(second).allSatisfy(r -> assertThat(r.status()).isEqualTo(PartStatus.IN_SYNC));
  }

  @Test
  void switchingToTheHubReplacesRulesWithForwardersAndKeepsTheOldTopicUnlessPruned() {
    apply(perRegion(false));
    assertThat(events("ap-southeast-2").ruleNames("default")).containsExactly("irctl-a", "irctl-b");
    aws.log().clear();

    List<PartResult> plan = PartRun.run(aws, 4, REGIONS, new RulesPart(hub(false)), true);

    PartResult sydney =
        plan.stream().filter(r -> r.region().equals("ap-southeast-2")).findFirst().orElseThrow();
    assertThat(sydney.changes())
        .extracting(c -> c.action() + " " + c.resource() + ": " + c.reason())
        .contains(
            "DELETE rule irctl-a: replaced by the forwarders to the hub region eu-west-1",
            "CREATE rule irctl-forward-aws.ec2: missing");
    assertThat(sydney.notes().warnings())
        .anyMatch(
            w ->
                w.startsWith("kept the per-region topic")
                    && Flags.word(w).contains(". --prune deletes it when irctl created it"));
    assertThat(aws.log().writes()).isEmpty();

    apply(hub(false));
    assertThat(events("ap-southeast-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.ec2", "irctl-forward-aws.s3");
    assertThat(aws.snsIn("ap-southeast-2").topic("irctl-alerts")).isPresent();

    apply(hub(true));
    assertThat(aws.snsIn("ap-southeast-2").topic("irctl-alerts")).isEmpty();
    assertThat(aws.snsIn(HUB).topic("irctl-alerts")).isPresent();
  }

  @Test
  void switchingBackDeletesTheForwardersAndAlertsInEveryRegionAgain() {
    apply(hub(false));

    apply(perRegion(false));

    assertThat(events("ap-southeast-2").ruleNames("default")).containsExactly("irctl-a", "irctl-b");
    assertThat(target("ap-southeast-2", "irctl-a", RuleTarget.IRCTL_TARGET_ID).arn())
        .contains(":sns:ap-southeast-2:");
    assertThat(events("us-east-1").ruleNames("default"))
        .containsExactly("irctl-a", "irctl-b", "irctl-c");
  }

  @Test
  void movingTheHubDeletesTheNewHubsForwardersSoNothingLoops() {
    apply(hub(false));

    apply(perRegion(false).withHub("ap-southeast-2"));

    assertThat(events("ap-southeast-2").ruleNames("default"))
        .containsExactly("irctl-a", "irctl-b", "irctl-c");
    assertThat(events(HUB).ruleNames("default"))
        .containsExactly("irctl-forward-aws.ec2", "irctl-forward-aws.s3");
    assertThat(target(HUB, "irctl-forward-aws.ec2", RuleTarget.HUB_TARGET_ID).arn())
        .isEqualTo("arn:aws:events:ap-southeast-2:" + FakePorts.ACCOUNT + ":event-bus/default");
  }

  @Test
  void theForwarderRoleIsCreatedOnceTrustingEventBridgeOfThisAccountOnly() {
    List<PartResult> first = PartRun.run(aws, 4, REGIONS, new ForwarderRolePart(HUB), false);

    assertThat(first).singleElement().satisfies(r -> assertThat(r.writes()).isEqualTo(2));
    var role = aws.alertPathFake().rolesFake().role(ForwarderRole.NAME).orElseThrow();
    assertThat(role.tags()).containsEntry("managed-by", "irctl");
    assertThat(role.trustPolicy())
        .contains("events.amazonaws.com")
        .contains("\"aws:SourceAccount\":\"" + FakePorts.ACCOUNT + "\"");
    assertThat(
            aws.alertPathFake()
                .rolesFake()
                .inlinePolicy(ForwarderRole.NAME, ForwarderRole.POLICY_NAME)
                .orElseThrow())
        .contains("\"Action\":\"events:PutEvents\"")
        .contains("\"Resource\":\"" + HUB_BUS + "\"");
    aws.log().clear();

    PartRun.run(aws, 4, REGIONS, new ForwarderRolePart(HUB), false);
    assertThat(aws.log().writes()).isEmpty();

    PartRun.run(aws, 4, REGIONS, new ForwarderRolePart("us-east-1"), false);
    assertThat(aws.log().writes()).containsExactly("global iam:PutRolePolicy (write)");
  }

  @Test
  void aHubRunOverTheHubAloneForwardsNothingSoPlansNoRoleUnlessSignInsAreCarried() {
    ForwarderRolePart role = ForwarderRolePart.of(hub(false)).orElseThrow();

    assertThat(PartRun.run(aws, 4, List.of(HUB), role, false))
        .singleElement()
        .satisfies(r -> assertThat(r.changes()).isEmpty());
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();

    DesiredRule signIn =
        TestRules.rule(
            "signin",
            "{\"source\":[\"aws.signin\"],\"detail-type\":[\"AWS Console Sign In via"
                + " CloudTrail\"]}",
            false,
            ConsoleSignIns.ROOT);
    ApplyRulesRequest withSignIn =
        new ApplyRulesRequest(
                "default",
                hub(false).topic(),
                MessageFormat.RAW,
                false,
                List.of(signIn),
                List.of(),
                Optional.empty(),
                List.of())
            .withHub(HUB);
    // Root sign-ins are carried to us-east-1, which forwards them to the hub: the role is needed.
    assertThat(
            PartRun.run(
                aws, 4, List.of(HUB), ForwarderRolePart.of(withSignIn).orElseThrow(), false))
        .singleElement()
        .satisfies(r -> assertThat(r.writes()).isEqualTo(2));
  }
}
