package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.OrganizationsPort.Organization;
import dev.irctl.engine.rules.RuleTargets;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The hub bus (the administrator's default bus in the hub region) lets the organization's accounts
 * put events: {@link HubBusPolicy}'s statement, limited by {@code aws:PrincipalOrgID}, merged into
 * the bus's policy so foreign statements stay. Runs once, before the member stack sets.
 */
public final class HubBusPolicyPart extends GlobalPart {
  public static final String NAME = "org-hub-policy";

  /** The default bus, as {@link RuleTargets#hubBusArn} names it. */
  static final String BUS = "default";

  private final String hubRegion;

  public HubBusPolicyPart(String hubRegion) {
    super(NAME);
    this.hubRegion = hubRegion;
  }

  /** What the plan saw: the organization and the bus's policy. */
  public record Actual(String organizationId, Optional<String> policy) {}

  @Override
  public PartPlan plan(PartContext context) {
    Organization organization =
        context
            .ports()
            .organizations()
            .describeOrganization()
            .orElseThrow(
                () -> new PlanConflictException("this account is not in an AWS Organization"));
    EventBridgePort events = context.ports().eventBridge(hubRegion);
    Optional<String> policy = events.busPolicy(BUS);
    Optional<JsonNode> existing = policy.map(HubBusPolicyPart::parse);
    String busArn = RuleTargets.hubBusArn(context.identity(), hubRegion);
    Actual actual = new Actual(organization.id(), policy);
    if (HubBusPolicy.current(existing, organization.id(), busArn)) {
      return new PartPlan(
          List.of(),
          actual,
          "",
          new Notes(java.util.Map.of(), 1, List.of(), List.of(), List.of()),
          Optional.empty());
    }
    boolean replacing =
        existing
            .map(p -> p.path("Statement").toString().contains("\"" + HubBusPolicy.SID + "\""))
            .orElse(false);
    String merged =
        Fingerprint.JSON
            .valueToTree(HubBusPolicy.merge(existing, organization.id(), busArn))
            .toString();
    return PartPlan.of(
        List.of(new OrgChange.PutHubBusPolicy(hubRegion, busArn, merged, replacing)),
        actual,
        merged,
        Notes.none());
  }

  private static JsonNode parse(String policy) {
    try {
      return Fingerprint.JSON.readTree(policy);
    } catch (IOException e) {
      throw new PlanConflictException(
          "the hub bus policy is not JSON; irctl will not rewrite it: " + e.getMessage());
    }
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    context.ports().eventBridge(hubRegion).putBusPolicy(BUS, (String) plan.detail());
    return Applied.of(1, List.of());
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.createObjectNode().put("hubRegion", hubRegion);
  }

  public static HubBusPolicyPart fromDesired(JsonNode desired) {
    return new HubBusPolicyPart(desired.path("hubRegion").asText());
  }
}
