package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.rules.RuleTargets;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Optional;

/**
 * The role the forwarder rules of every non-hub region use to put events on the hub's default bus
 * ({@link ForwarderRole}): created, or its trust and permission documents put back, only where they
 * differ. IAM is global: one pass per run.
 */
public final class ForwarderRolePart extends GlobalPart {
  public static final String NAME = "forwarder-role";

  private final String hubRegion;

  public ForwarderRolePart(String hubRegion) {
    super(NAME);
    this.hubRegion = hubRegion;
  }

  public static ForwarderRolePart fromDesired(JsonNode desired) {
    return new ForwarderRolePart(desired.path("hubRegion").asText());
  }

  /** One step of the role's plan, as a reviewer reads it. */
  public record RoleChange(ForwarderRolePlan.Step step, String hubBusArn)
      implements Change.Described {
    @Override
    public Description describe() {
      return switch (step) {
        case CREATE_ROLE ->
            Description.create(
                "IAM role " + ForwarderRole.NAME,
                "missing: forwarder rules in the other regions need it");
        case UPDATE_TRUST ->
            Description.update("IAM role " + ForwarderRole.NAME, "trust policy differs");
        case PUT_POLICY ->
            Description.update(
                "IAM role policy " + ForwarderRole.NAME + "/" + ForwarderRole.POLICY_NAME,
                "missing or differs",
                List.of(FieldDiff.of("events:PutEvents on", null, hubBusArn)));
      };
    }
  }

  @Override
  public PartPlan plan(PartContext context) {
    RolePort roles = context.ports().alertPath().roles();
    Optional<RolePort.Role> role = roles.role(ForwarderRole.NAME);
    Optional<String> policy =
        role.isPresent()
            ? roles.rolePolicy(ForwarderRole.NAME, ForwarderRole.POLICY_NAME)
            : Optional.empty();
    String bus = hubBusArn(context);
    List<RoleChange> changes =
        ForwarderRolePlan.steps(role, policy, context.identity().accountId(), bus).stream()
            .map(step -> new RoleChange(step, bus))
            .toList();
    return PartPlan.of(
        changes, List.of(role.map(RolePort.Role::trustPolicy), policy), changes, Notes.none());
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    RolePort roles = context.ports().alertPath().roles();
    String account = context.identity().accountId();
    int writes = 0;
    for (Change change : plan.changes()) {
      RoleChange step = (RoleChange) change;
      writes++;
      switch (step.step()) {
        case CREATE_ROLE ->
            roles.createRole(
                ForwarderRole.NAME,
                ForwarderRole.trustPolicy(account).toString(),
                ForwarderRole.DESCRIPTION,
                ForwarderRole.tags());
        case UPDATE_TRUST ->
            roles.updateTrustPolicy(
                ForwarderRole.NAME, ForwarderRole.trustPolicy(account).toString());
        case PUT_POLICY ->
            roles.putRolePolicy(
                ForwarderRole.NAME,
                ForwarderRole.POLICY_NAME,
                ForwarderRole.permissionPolicy(step.hubBusArn()).toString());
      }
    }
    return Applied.of(writes, List.of());
  }

  private String hubBusArn(PartContext context) {
    return RuleTargets.hubBusArn(context.identity(), hubRegion);
  }

  @Override
  public JsonNode desired() {
    return JsonNodeFactory.instance.objectNode().put("hubRegion", hubRegion);
  }
}
