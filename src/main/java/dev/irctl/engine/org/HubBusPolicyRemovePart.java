package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.port.EventBridgePort;
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
 * Takes irctl's statement (by Sid) out of the hub bus policy, after the stack sets are gone; every
 * other statement stays. Nothing to do when the statement is not there.
 */
public final class HubBusPolicyRemovePart extends GlobalPart {
  public static final String NAME = HubBusPolicyPart.NAME;

  private final String hubRegion;

  public HubBusPolicyRemovePart(String hubRegion) {
    super(NAME, StackSetRemovePart.NAME);
    this.hubRegion = hubRegion;
  }

  @Override
  public PartPlan plan(PartContext context) {
    EventBridgePort events = context.ports().eventBridge(hubRegion);
    Optional<String> policy = events.busPolicy(HubBusPolicyPart.BUS);
    boolean ours = policy.map(HubBusPolicyRemovePart::hasOurStatement).orElse(false);
    String busArn = RuleTargets.hubBusArn(context.identity(), hubRegion);
    List<OrgChange> changes =
        ours ? List.of(new OrgChange.RemoveHubBusStatement(hubRegion, busArn)) : List.of();
    return PartPlan.of(changes, policy, "", Notes.none());
  }

  private static boolean hasOurStatement(String policy) {
    try {
      JsonNode statements = Fingerprint.JSON.readTree(policy).path("Statement");
      if (statements.isObject()) {
        return HubBusPolicy.SID.equals(statements.path("Sid").asText());
      }
      for (JsonNode statement : statements) {
        if (HubBusPolicy.SID.equals(statement.path("Sid").asText())) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    context
        .ports()
        .eventBridge(hubRegion)
        .removeBusPolicyStatement(HubBusPolicyPart.BUS, HubBusPolicy.SID);
    return Applied.of(1, List.of());
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.createObjectNode().put("hubRegion", hubRegion);
  }
}
