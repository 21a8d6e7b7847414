package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.GuardDutyOrgPort;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Map;

/**
 * GuardDuty's delegated administrator in one region (the designation is regional), run from the
 * management account: designated where there is none, nothing where it already is, and the region
 * fails naming the other account where another one is the administrator.
 */
public final class DelegateAdminPart implements Part {
  public static final String NAME = "org-admin";

  private final String adminAccountId;

  public DelegateAdminPart(String adminAccountId) {
    this.adminAccountId = OrgInputs.accountId("delegated administrator account", adminAccountId);
  }

  public static DelegateAdminPart fromDesired(JsonNode desired) {
    return new DelegateAdminPart(desired.path("adminAccountId").asText());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PartPlan plan(PartContext context) {
    GuardDutyOrgPort port = context.ports().guardDutyOrg(context.region());
    List<GuardDutyOrgPort.AdminAccount> admins = port.organizationAdmins();
    DelegatedAdminPlanner.Decision decision =
        DelegatedAdminPlanner.plan(context.region(), adminAccountId, admins);
    if (decision.status() == DelegatedAdminPlanner.Status.REFUSED) {
      throw new PlanConflictException(decision.refusal(adminAccountId));
    }
    Notes notes =
        decision.status() == DelegatedAdminPlanner.Status.ALREADY
            ? new Notes(
                Map.of("delegatedAdmin", adminAccountId), 1, List.of(), List.of(), List.of())
            : Notes.none();
    return PartPlan.of(decision.change(adminAccountId).stream().toList(), admins, decision, notes);
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    context.ports().guardDutyOrg(context.region()).enableOrganizationAdmin(adminAccountId);
    return new Applied(1, List.of(), Map.of("delegatedAdmin", adminAccountId));
  }

  @Override
  public JsonNode desired() {
    return JsonNodeFactory.instance.objectNode().put("adminAccountId", adminAccountId);
  }
}
