package dev.irctl.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/** plan, apply and status over three regions and IAM: pending changes, in sync, drift, repair. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlanApplyStatusEmulatorIT extends EmulatorTier {
  static final String REGIONS = "us-east-1,eu-west-3,ap-southeast-2";
  static final String DRIFTED = "eu-west-3";
  static final String RULE = "irctl-cloudtrail-tampering";

  /** The settings every command of this scenario shares. */
  static String[] with(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command));
    args.addAll(List.of(more));
    args.addAll(
        List.of("--region", REGIONS, "--exclude", HONEY_BUCKET, "--role", "incident-responders"));
    return args.toArray(String[]::new);
  }

  static String[] status() {
    return new String[] {
      "status", "--region", REGIONS, "--exclude", HONEY_BUCKET, "--output", "json"
    };
  }

  @Test
  @Order(1)
  void planOnAnEmptyAccountExitsTwoAndWritesNothing() throws Exception {
    emulator
        .iam()
        .createRole(
            r ->
                r.roleName("incident-responders")
                    .assumeRolePolicyDocument(InstallPolicyEmulatorIT.TRUST));
    Irctl.Result plan = irctl(with("plan", "--detailed-exitcode"));
    assertThat(plan.exitCode()).as("%s", plan).isEqualTo(2);
    assertThat(proxy.writes()).isEmpty();
  }

  @Test
  @Order(2)
  void applyThenPlanIsInSyncAndASecondApplyWritesNothing() throws Exception {
    ok(with("apply"));
    Irctl.Result plan = irctl(with("plan", "--detailed-exitcode"));
    assertThat(plan.exitCode()).as("%s", plan).isZero();
    ok(with("apply"));
    assertThat(proxy.writes()).as("write calls of the second apply").isEmpty();

    JsonNode status = JSON.readTree(ok(status()).out());
    for (JsonNode region : status.path("regions")) {
      assertThat(region.path("rules").path("drifted").asInt()).as("%s", region).isZero();
      assertThat(region.path("rules").path("missing").asInt()).as("%s", region).isZero();
      if (carried(region)) {
        // A region carried only for the sign-in rules forwards them to a chosen region: no topic.
        assertThat(region.path("forwardsTo").asText()).as("%s", region).isIn(REGIONS.split(","));
        assertThat(region.path("topic").isNull()).as("%s", region).isTrue();
      } else {
        assertThat(region.path("topic").path("policyOk").asBoolean()).as("%s", region).isTrue();
      }
      // A region carried only for the sign-in rules has no GuardDuty column.
      assertThat(region.path("guardduty").path("state").asText())
          .as("%s", region)
          .isEqualTo(carried(region) ? "" : "enabled");
    }
  }

  @Test
  @Order(3)
  void driftMadeOutsideIrctlIsPlannedReportedAndRepaired() throws Exception {
    emulator.events(DRIFTED).disableRule(r -> r.name(RULE));
    GuardDutyClient guardDuty = emulator.guardDuty(DRIFTED);
    String detector = guardDuty.listDetectors().detectorIds().get(0);
    guardDuty.updateDetector(r -> r.detectorId(detector).enable(false));

    Irctl.Result plan = irctl(with("plan", "--detailed-exitcode"));
    assertThat(plan.exitCode()).as("%s", plan).isEqualTo(2);
    assertThat(plan.out()).contains(RULE);
    assertThat(proxy.writes()).isEmpty();

    JsonNode status = JSON.readTree(ok(status()).out());
    for (JsonNode region : status.path("regions")) {
      boolean drifted = region.path("region").asText().equals(DRIFTED);
      assertThat(region.path("rules").path("drifted").asInt())
          .as("%s", region)
          .isEqualTo(drifted ? 1 : 0);
      assertThat(region.path("guardduty").path("state").asText())
          .as("%s", region)
          .isEqualTo(carried(region) ? "" : drifted ? "disabled" : "enabled");
    }

    ok(with("apply"));
    assertThat(writesIn(DRIFTED)).isPositive();
    assertThat(writesIn("us-east-1") + writesIn("ap-southeast-2")).isZero();
    assertThat(emulator.events(DRIFTED).describeRule(r -> r.name(RULE)).state())
        .isEqualTo(RuleState.ENABLED);
    assertThat(guardDuty.getDetector(r -> r.detectorId(detector)).statusAsString())
        .isEqualTo("ENABLED");
    Irctl.Result after = irctl(with("plan", "--detailed-exitcode"));
    assertThat(after.exitCode()).as("%s", after).isZero();
  }

  /** A status row for a region irctl runs in only for the sign-in rules (not chosen). */
  private static boolean carried(JsonNode region) {
    return region.path("carried").isTextual();
  }
}
