package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.eventbridge.model.Rule;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * One inbox against the emulator: apply-rules over two regions with a hub, its re-run, and
 * remove-rules taking the forwarders and the forwarder role away. One scenario, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HubEmulatorIT extends EmulatorTier {
  static final String HUB = "eu-west-1";
  static final String OTHER = "us-east-1";
  static final String ROLE = "irctl-event-forwarder";
  static final String HUB_BUS =
      "arn:aws:events:" + HUB + ":" + Emulator.ACCOUNT + ":event-bus/default";
  static final String ROLE_ARN = "arn:aws:iam::" + Emulator.ACCOUNT + ":role/" + ROLE;

  private static final String[] APPLY = {
    "apply-rules",
    "--region",
    HUB + "," + OTHER,
    "--hub-region",
    HUB,
    "--exclude",
    HONEY_BUCKET,
    "--subscribe",
    "email:soc@example.com"
  };

  @Test
  @Order(1)
  void forwardersOnlyOutsideTheHubTargetItsDefaultBusWithTheRoleAndRulesAndTopicOnlyInTheHub()
      throws Exception {
    ok(APPLY);

    Set<String> expected = new TreeSet<>();
    catalogIds("regional").forEach(id -> expected.add("irctl-" + id));
    catalogIds("global").forEach(id -> expected.add("irctl-" + id));
    assertThat(irctlRules(HUB)).isEqualTo(expected);
    for (String rule : irctlRules(HUB)) {
      assertThat(targets(HUB, rule)).extracting(Target::arn).noneMatch(a -> a.contains(":events:"));
    }
    Set<String> forwarders = irctlRules(OTHER);
    assertThat(forwarders).isNotEmpty().allMatch(n -> n.startsWith("irctl-forward-"));
    for (String forwarder : forwarders) {
      List<Target> targets = targets(OTHER, forwarder);
      assertThat(targets).as(forwarder).hasSize(1);
      assertThat(targets.get(0).arn()).isEqualTo(HUB_BUS);
      assertThat(targets.get(0).roleArn()).isEqualTo(ROLE_ARN);
      assertThat(targets.get(0).inputTransformer()).isNull();
    }
    assertThat(topics(HUB)).contains("irctl-alerts");
    assertThat(topics(OTHER)).doesNotContain("irctl-alerts");
    var role = emulator.iam().getRole(r -> r.roleName(ROLE)).role();
    assertThat(java.net.URLDecoder.decode(role.assumeRolePolicyDocument(), "UTF-8"))
        .contains("events.amazonaws.com")
        .contains("aws:SourceAccount");
    assertThat(
            emulator
                .iam()
                .getRolePolicy(r -> r.roleName(ROLE).policyName("irctl-put-events-to-hub"))
                .policyDocument())
        .satisfiesAnyOf(
            d -> assertThat(d).contains(HUB_BUS),
            d -> assertThat(java.net.URLDecoder.decode(d, "UTF-8")).contains(HUB_BUS));
  }

  @Test
  @Order(2)
  void aSecondRunMakesNoWriteCalls() throws Exception {
    ok(APPLY);

    assertThat(proxy.writes()).as("write calls of the re-run").isEmpty();
  }

  @Test
  @Order(3)
  void removeRulesRemovesTheForwardersAndTheRole() throws Exception {
    ok("remove-rules", "--region", HUB + "," + OTHER, "--delete-topic");

    assertThat(irctlRules(HUB)).isEmpty();
    assertThat(irctlRules(OTHER)).isEmpty();
    assertThatThrownBy(() -> emulator.iam().getRole(r -> r.roleName(ROLE)))
        .isInstanceOf(NoSuchEntityException.class);
    assertThat(proxy.writes()).containsKey("iam:DeleteRole");
  }

  private Set<String> irctlRules(String region) {
    // One page: the hub holds fewer than 100 irctl rules.
    return emulator
        .events(region)
        .listRules(r -> r.namePrefix("irctl-").limit(100))
        .rules()
        .stream()
        .map(Rule::name)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private List<Target> targets(String region, String rule) {
    return emulator.events(region).listTargetsByRule(r -> r.rule(rule)).targets();
  }

  private Set<String> topics(String region) {
    return emulator.sns(region).listTopicsPaginator().topics().stream()
        .map(t -> t.topicArn().substring(t.topicArn().lastIndexOf(':') + 1))
        .collect(Collectors.toSet());
  }
}
