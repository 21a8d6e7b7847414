package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trusted access between AWS Organizations and one service (GuardDuty), run once from the
 * management account: enabled when off, nothing when on. Organizations is global.
 */
public final class TrustedAccessPart extends GlobalPart {
  public static final String NAME = "org-access";
  public static final String GUARDDUTY = "guardduty.amazonaws.com";

  private final String servicePrincipal;

  public TrustedAccessPart(String servicePrincipal) {
    super(NAME);
    this.servicePrincipal = servicePrincipal;
  }

  public static TrustedAccessPart fromDesired(JsonNode desired) {
    return new TrustedAccessPart(desired.path("servicePrincipal").asText(GUARDDUTY));
  }

  @Override
  public PartPlan plan(PartContext context) {
    Set<String> enabled = context.ports().organizations().servicesWithAccess();
    boolean on = enabled.contains(servicePrincipal);
    List<OrgChange> changes =
        on ? List.of() : List.of(new OrgChange.EnableTrustedAccess(servicePrincipal));
    return new PartPlan(
        List.copyOf(changes), List.of(on), servicePrincipal, Notes.none(), Optional.empty());
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    context.ports().organizations().enableServiceAccess(servicePrincipal);
    return Applied.of(1, List.of());
  }

  @Override
  public JsonNode desired() {
    return JsonNodeFactory.instance.objectNode().put("servicePrincipal", servicePrincipal);
  }
}
