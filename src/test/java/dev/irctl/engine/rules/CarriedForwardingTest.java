package dev.irctl.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.hub.ForwarderRole;
import dev.irctl.engine.hub.ForwarderRolePart;
import dev.irctl.engine.hub.ForwarderRolePlan;
import dev.irctl.engine.hub.ForwarderRules;
import dev.irctl.engine.port.RuleTarget;
import dev.irctl.engine.run.PartResult;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.PartRun;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Without a hub, the sign-in rules carried to regions the user did not choose forward their events
 * to a chosen region, so alerts reach only the topics and subscriptions the user chose.
 */
class CarriedForwardingTest {
  private static final String BUS_EU_WEST_1 =
      "arn:aws:events:eu-west-1:" + FakePorts.ACCOUNT + ":event-bus/default";
  private final FakePorts aws = new FakePorts();

  private static DesiredRule rule(String id, String pattern, ConsoleSignIns signIns) {
    return TestRules.rule(id, pattern, false, signIns);
  }

  private static final DesiredRule FAILURES =
      rule(
          "failures",
          "{\"source\":[\"aws.signin\"],\"detail-type\":[\"AWS Console Sign In via CloudTrail\"],"
              + "\"detail\":{\"responseElements\":{\"ConsoleLogin\":[\"Failure\"]}}}",
          ConsoleSignIns.ALL);
  private static final DesiredRule EC2 =
      rule(
          "ec2",
          "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via CloudTrail\"],"
              + "\"detail\":{\"eventName\":[\"DeleteVpc\"]}}",
          ConsoleSignIns.NONE);

  private static ApplyRulesRequest request() {
    return new ApplyRulesRequest(
        "default",
        new TopicSpec(
            "irctl-alerts", Optional.empty(), List.of(new SubscriptionSpec("email", "soc@x.co"))),
        MessageFormat.RAW,
        false,
        List.of(FAILURES, EC2),
        List.of(),
        Optional.empty(),
        List.of());
  }

  @Test
  void carriedRegionsForwardToTheChosenRegionAndGetNoTopic() {
    ApplyRulesRequest request = request();
    List<String> chosen = List.of("eu-west-1", "eu-central-1");
    assertThat(request.forwardTarget(chosen)).contains("eu-west-1");
    assertThat(request.carriedTo("us-east-2", chosen).orElseThrow().forwards("us-east-2")).isTrue();
    assertThat(request.carriedTo("eu-west-1", chosen)).isEmpty();

    List<PartResult> results = PartRun.run(aws, 4, chosen, new RulesPart(request), false);

    assertThat(results).noneMatch(PartResult::failed);
    for (String region : RuleScopes.SIGN_IN_REGIONS) {
      assertThat(aws.eventBridgeIn(region).ruleNames("default"))
          .as(region)
          .containsExactly("irctl-forward-aws.signin");
      RuleTarget target =
          aws.eventBridgeIn(region)
              .rule("default", "irctl-forward-aws.signin")
              .orElseThrow()
              .targets()
              .get(RuleTarget.HUB_TARGET_ID);
      assertThat(target.arn()).isEqualTo(BUS_EU_WEST_1);
      assertThat(aws.snsIn(region).topic("irctl-alerts")).as(region).isEmpty();
    }
    // The chosen regions alert with every rule, the sign-in rule included (forwarded events keep
    // their source, detail-type and region, so it matches them there).
    assertThat(aws.eventBridgeIn("eu-west-1").ruleNames("default"))
        .containsExactly("irctl-ec2", "irctl-failures");
    assertThat(aws.eventBridgeIn("eu-central-1").ruleNames("default"))
        .containsExactly("irctl-ec2", "irctl-failures");
    assertThat(remark(results, "eu-north-1")).contains("forwarded to the chosen region eu-west-1");
  }

  @Test
  void withTheHomeRegionChosenCarriedSignInsForwardThere() {
    List<String> chosen = List.of("eu-west-1", "us-east-1");

    PartRun.run(aws, 4, chosen, new RulesPart(request()), false);

    assertThat(
            aws.eventBridgeIn("eu-north-1")
                .rule("default", "irctl-forward-aws.signin")
                .orElseThrow()
                .targets()
                .get(RuleTarget.HUB_TARGET_ID)
                .arn())
        .isEqualTo(BUS_EU_WEST_1.replace("eu-west-1", "us-east-1"));
    assertThat(aws.eventBridgeIn("us-east-1").ruleNames("default"))
        .containsExactly("irctl-ec2", "irctl-failures");
  }

  @Test
  void theForwarderRoleAllowsTheChosenRegionsBusAndIsNotNeededWhenNothingIsCarried() {
    ForwarderRolePart role = ForwarderRolePart.of(request()).orElseThrow();

    List<PartResult> applied = PartRun.run(aws, 4, List.of("eu-west-1"), role, false);

    assertThat(applied).singleElement().satisfies(r -> assertThat(r.changes()).hasSize(2));
    assertThat(aws.forwarderRolePolicy()).get().asString().contains(BUS_EU_WEST_1);
    // Every sign-in region chosen: nothing is carried, nothing forwards, the role is not planned.
    FakePorts fresh = new FakePorts();
    List<PartResult> none = PartRun.run(fresh, 4, RuleScopes.SIGN_IN_REGIONS, role, false);
    assertThat(none).singleElement().satisfies(r -> assertThat(r.changes()).isEmpty());
    assertThat(fresh.log().writes()).isEmpty();
    assertThat(fresh.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();
    // No sign-in rule selected and no hub: no role part at all.
    ApplyRulesRequest noSignIn =
        new ApplyRulesRequest(
            "default",
            request().topic(),
            MessageFormat.RAW,
            false,
            List.of(EC2),
            List.of(),
            Optional.empty(),
            List.of());
    assertThat(ForwarderRolePart.of(noSignIn)).isEmpty();
  }

  @Test
  void theRolePartSurvivesASavedPlan() {
    ForwarderRolePart role = ForwarderRolePart.of(request()).orElseThrow();

    ForwarderRolePart back = ForwarderRolePart.fromDesired(role.desired());

    assertThat(back.desired()).isEqualTo(role.desired());
    assertThat(PartRun.run(aws, 4, List.of("eu-west-1"), back, true))
        .singleElement()
        .satisfies(r -> assertThat(r.changes()).hasSize(2));
    assertThat(PartRun.run(aws, 4, RuleScopes.SIGN_IN_REGIONS, back, true))
        .singleElement()
        .satisfies(r -> assertThat(r.changes()).isEmpty());
  }

  /** The rules and the forwarder role in one run, as apply-rules runs them. */
  private List<PartResult> applyRules(List<String> chosen, boolean dryRun) {
    ApplyRulesRequest request = request();
    return PartRun.run(
        aws,
        4,
        chosen,
        List.of(new RulesPart(request), ForwarderRolePart.of(request).orElseThrow()),
        dryRun);
  }

  private static List<PartResult> role(List<PartResult> results) {
    return results.stream().filter(r -> r.part().equals(ForwarderRolePart.NAME)).toList();
  }

  @Test
  void whenEveryCarriedRegionAlertsToTheTopicOfTheRunThatChoseItNoRoleIsPlannedOrMade() {
    // Another run chose every sign-in region: each has its own topic and rules alerting to it.
    PartRun.run(aws, 4, RuleScopes.SIGN_IN_REGIONS, new RulesPart(request()), false);
    aws.log().clear();

    List<PartResult> plan = applyRules(List.of("eu-west-1"), true);

    assertThat(role(plan)).singleElement().satisfies(r -> assertThat(r.changes()).isEmpty());
    assertThat(plan)
        .filteredOn(r -> RuleScopes.SIGN_IN_REGIONS.contains(r.region()))
        .allSatisfy(r -> assertThat(r.changes()).isEmpty());

    List<PartResult> applied = applyRules(List.of("eu-west-1"), false);

    assertThat(applied).noneMatch(PartResult::failed);
    assertThat(role(applied)).singleElement().satisfies(r -> assertThat(r.writes()).isZero());
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isEmpty();
    for (String region : RuleScopes.SIGN_IN_REGIONS) {
      assertThat(aws.eventBridgeIn(region).ruleNames("default"))
          .as(region)
          .noneMatch(ForwarderRules::isForwarder);
    }
    aws.log().clear();

    applyRules(List.of("eu-west-1"), false);

    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aSelectionWhereOneCarriedRegionStillForwardsPlansTheRole() {
    // Another run chose three of the four sign-in regions; nobody chose ap-southeast-2.
    PartRun.run(
        aws, 4, List.of("us-east-1", "us-east-2", "eu-north-1"), new RulesPart(request()), false);

    List<PartResult> plan = applyRules(List.of("eu-west-1"), true);

    assertThat(role(plan))
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.changes())
                    .extracting(c -> ((ForwarderRolePart.RoleChange) c).step())
                    .containsExactly(
                        ForwarderRolePlan.Step.CREATE_ROLE, ForwarderRolePlan.Step.PUT_POLICY));
    applyRules(List.of("eu-west-1"), false);
    assertThat(aws.eventBridgeIn("ap-southeast-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    aws.log().clear();

    applyRules(List.of("eu-west-1"), false);

    assertThat(aws.log().writes()).isEmpty();
  }

  @Test
  void aRoleAnEarlierRunMadeIsKeptAndSaidSoOnceNothingForwardsAndAForeignOneIsNotMentioned() {
    // An earlier run for eu-west-1 alone made the role and the sign-in forwarders; since then
    // another run chose every sign-in region (irctl rules there alert to their own topics).
    applyRules(List.of("eu-west-1"), false);
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();
    PartRun.run(aws, 4, RuleScopes.SIGN_IN_REGIONS, new RulesPart(request()), false);
    aws.log().clear();

    List<PartResult> again = applyRules(List.of("eu-west-1"), false);

    assertThat(again).noneMatch(PartResult::failed);
    assertThat(role(again))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.changes()).isEmpty();
              assertThat(r.notes().warnings())
                  .singleElement()
                  .asString()
                  .startsWith("kept IAM role irctl-event-forwarder: no region of this run forwards")
                  .contains("remove-rules deletes it once no forwarder is left");
            });
    assertThat(aws.log().writes()).noneMatch(c -> c.contains("iam:"));
    assertThat(aws.alertPathFake().rolesFake().role(ForwarderRole.NAME)).isPresent();

    FakePorts foreign = new FakePorts();
    foreign
        .alertPathFake()
        .rolesFake()
        .existing(ForwarderRole.NAME, "{}", Map.of("team", "platform"));
    ForwarderRolePart role = ForwarderRolePart.of(request()).orElseThrow();
    assertThat(PartRun.run(foreign, 4, RuleScopes.SIGN_IN_REGIONS, role, false))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.failed()).isFalse();
              assertThat(r.notes().warnings()).isEmpty();
            });
    assertThat(foreign.log().writes()).isEmpty();
  }

  @Test
  void aForwarderAnEarlierCutNamedOtherwiseIsReplacedNotLeftForwardingTwice() {
    aws.eventBridgeIn("us-east-2")
        .existing(
            "default",
            "irctl-forward-aws.signin-2",
            "{\"source\":[\"aws.signin\"],\"detail-type\":[\"AWS Console Sign In via CloudTrail\"]}",
            "ENABLED",
            Map.of("managed-by", "irctl"),
            List.of(
                new RuleTarget(
                    RuleTarget.HUB_TARGET_ID,
                    BUS_EU_WEST_1,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(
                        "arn:aws:iam::" + FakePorts.ACCOUNT + ":role/irctl-event-forwarder"))));

    PartRun.run(aws, 4, List.of("eu-west-1"), new RulesPart(request()), false);

    assertThat(aws.eventBridgeIn("us-east-2").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
  }

  @Test
  void aSignInRegionAnotherRunChoseKeepsAlertingThereAndGetsNoSubscriptionFromThisRun() {
    PartRun.run(aws, 4, List.of("us-east-2"), new RulesPart(request()), false);
    String topic = aws.snsIn("us-east-2").arnOf("irctl-alerts");
    int subscriptions = aws.snsIn("us-east-2").subscriptions(topic).size();
    aws.log().clear();

    List<PartResult> results =
        PartRun.run(aws, 4, List.of("eu-west-1"), new RulesPart(request()), false);

    assertThat(aws.eventBridgeIn("us-east-2").ruleNames("default"))
        .containsExactly("irctl-ec2", "irctl-failures");
    assertThat(aws.log().writes()).noneMatch(c -> c.startsWith("us-east-2 "));
    assertThat(aws.snsIn("us-east-2").subscriptions(topic)).hasSize(subscriptions);
    assertThat(remark(results, "us-east-2")).contains("chosen by another run");
    // The other sign-in regions, chosen by nobody, forward.
    assertThat(aws.eventBridgeIn("eu-north-1").ruleNames("default"))
        .containsExactly("irctl-forward-aws.signin");
  }

  /** The one remark the run made in {@code region}. */
  private static String remark(List<PartResult> results, String region) {
    List<PartResult> inRegion = results.stream().filter(r -> r.region().equals(region)).toList();
    assertThat(inRegion).hasSize(1);
    assertThat(inRegion.get(0).notes().remarks()).hasSize(1);
    return String.valueOf(inRegion.get(0).notes().remarks().get(0));
  }
}
