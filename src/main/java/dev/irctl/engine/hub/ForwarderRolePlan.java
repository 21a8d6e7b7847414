package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.RolePort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the forwarder role needs, from what exists: nothing when both documents already match (as
 * JSON trees), so a second run writes nothing. A role of that name without irctl's tag belongs to
 * someone else and is never changed.
 */
public final class ForwarderRolePlan {
  public enum Step {
    CREATE_ROLE,
    UPDATE_TRUST,
    PUT_POLICY
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ForwarderRolePlan() {}

  public static List<Step> steps(
      Optional<RolePort.Role> role, Optional<String> inlinePolicy, String account, String hubBus) {
    JsonNode trust = ForwarderRole.trustPolicy(account);
    JsonNode permissions = ForwarderRole.permissionPolicy(hubBus);
    if (role.isEmpty()) {
      return List.of(Step.CREATE_ROLE, Step.PUT_POLICY);
    }
    if (!Ownership.taggedByIrctl(role.get().tags())) {
      throw new PlanConflictException(
          "IAM role "
              + ForwarderRole.NAME
              + " exists but is not tagged managed-by=irctl: irctl will not change it. Delete or"
              + " rename it, or tag it if irctl created it.");
    }
    List<Step> steps = new ArrayList<>();
    if (!trust.equals(parse(role.get().trustPolicy()))) {
      steps.add(Step.UPDATE_TRUST);
    }
    if (inlinePolicy.isEmpty() || !permissions.equals(parse(inlinePolicy.get()))) {
      steps.add(Step.PUT_POLICY);
    }
    return steps;
  }

  private static JsonNode parse(String document) {
    try {
      return JSON.readTree(document);
    } catch (Exception e) {
      return JSON.createObjectNode();
    }
  }
}
