package dev.irctl.engine.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.RolePort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForwarderRolePlanTest {
  private static final String ACCOUNT = "111122223333";
  private static final String BUS = "arn:aws:events:eu-west-1:" + ACCOUNT + ":event-bus/default";

  private static RolePort.Role role(String trust, Map<String, String> tags) {
    return new RolePort.Role(
        ForwarderRole.NAME, "arn:aws:iam::" + ACCOUNT + ":role/" + ForwarderRole.NAME, trust, tags);
  }

  @Test
  void noRoleMeansCreateItAndItsPolicy() {
    assertThat(ForwarderRolePlan.steps(Optional.empty(), Optional.empty(), ACCOUNT, BUS))
        .containsExactly(ForwarderRolePlan.Step.CREATE_ROLE, ForwarderRolePlan.Step.PUT_POLICY);
  }

  @Test
  void aMatchingRoleNeedsNothingEvenWithDifferentJsonFormatting() {
    String trust = ForwarderRole.trustPolicy(ACCOUNT).toPrettyString();
    String policy = ForwarderRole.permissionPolicy(BUS).toPrettyString();

    assertThat(
            ForwarderRolePlan.steps(
                Optional.of(role(trust, Map.of("managed-by", "irctl"))),
                Optional.of(policy),
                ACCOUNT,
                BUS))
        .isEmpty();
  }

  @Test
  void aChangedHubOrTrustIsUpdated() {
    String trust = ForwarderRole.trustPolicy("999999999999").toString();
    String policy =
        ForwarderRole.permissionPolicy(BUS.replace("eu-west-1", "us-east-1")).toString();

    assertThat(
            ForwarderRolePlan.steps(
                Optional.of(role(trust, Map.of("managed-by", "irctl"))),
                Optional.of(policy),
                ACCOUNT,
                BUS))
        .containsExactly(ForwarderRolePlan.Step.UPDATE_TRUST, ForwarderRolePlan.Step.PUT_POLICY);
  }

  @Test
  void aRoleWithoutIrctlsTagIsNeverChanged() {
    assertThatThrownBy(
            () ->
                ForwarderRolePlan.steps(
                    Optional.of(role("{}", Map.of())), Optional.empty(), ACCOUNT, BUS))
        .isInstanceOf(PlanConflictException.class)
        .hasMessageContaining("not tagged managed-by=irctl");
  }

  @Test
  void thePolicyGrantsPutEventsOnTheHubBusOnlyAndTrustIsLimitedToTheAccount() {
    var policy = ForwarderRole.permissionPolicy(BUS);
    var trust = ForwarderRole.trustPolicy(ACCOUNT);

    assertThat(policy.path("Statement")).hasSize(1);
    assertThat(policy.path("Statement").get(0).path("Action").asText())
        .isEqualTo("events:PutEvents");
    assertThat(policy.path("Statement").get(0).path("Resource").asText()).isEqualTo(BUS);
    assertThat(trust.at("/Statement/0/Principal/Service").asText())
        .isEqualTo("events.amazonaws.com");
    assertThat(trust.at("/Statement/0/Condition/StringEquals/aws:SourceAccount").asText())
        .isEqualTo(ACCOUNT);
    assertThat(List.of(ForwarderRole.tags())).containsExactly(Map.of("managed-by", "irctl"));
  }
}
