package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Input;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.rules.RemoveRulesPart;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * remove-rules' end of the forwarder role: once no forwarder rule is left in any region of the
 * account, the role {@code irctl-event-forwarder} goes too, its inline policies deleted and managed
 * policies detached first (IAM refuses DeleteRole before). Only the role with irctl's name and tag.
 * It runs after the regions' rules part ({@link #after}), so a writing run sees what they removed;
 * a forwarder anywhere else (a region outside the run, one kept for a target someone added, one
 * whose removal failed, a region that could not be read) keeps the role, and the plan says which.
 */
public final class ForwarderRoleRemovePart extends GlobalPart {
  public static final String NAME = ForwarderRolePart.NAME;

  /** The role's deletion, with what goes before it. */
  public record RoleDeletion(List<String> inlinePolicies, List<String> attachedPolicies)
      implements Change.Described {
    @Override
    public Description describe() {
      return new Description(
          ChangeAction.DELETE,
          "IAM role " + ForwarderRole.NAME,
          "no forwarder rule is left in any region",
          List.of(
              FieldDiff.of("inline policies", String.join(", ", inlinePolicies), null),
              FieldDiff.of(
                  "attached managed policies", String.join(", ", attachedPolicies), null)));
    }
  }

  /** What the plan read: the role as it is and the forwarders that would still use it. */
  private record Actual(
      String trustPolicy,
      Map<String, String> tags,
      List<String> inline,
      List<String> attached,
      List<String> remaining) {}

  private final RemoveRulesPart.Request removal;

  /** {@code removal}: the rules part's request, for the regions it visits beyond the chosen. */
  public ForwarderRoleRemovePart(RemoveRulesPart.Request removal) {
    super(NAME, RemoveRulesPart.NAME);
    this.removal = removal;
  }

  @Override
  public PartPlan plan(PartContext context) {
    RolePort roles = context.ports().alertPath().roles();
    Optional<RolePort.Role> role = roles.role(ForwarderRole.NAME);
    if (role.isEmpty()) {
      return PartPlan.of(List.of(), "absent", null, Notes.none());
    }
    if (!Ownership.taggedByIrctl(role.get().tags())) {
      return kept(
          role.get(),
          List.of(),
          "left IAM role "
              + ForwarderRole.NAME
              + " alone: it is not tagged managed-by=irctl, so irctl did not create it.");
    }
    List<String> remaining =
        new ForwarderCensus(context.ports(), context.parallel())
            .remainingAfterRemoval(context.regions(), removal.carriedNames(context.regions()));
    if (!remaining.isEmpty()) {
      return kept(
          role.get(),
          remaining,
          "kept IAM role "
              + ForwarderRole.NAME
              + ": forwarder rules may still use it ("
              + String.join("; ", remaining)
              + "). remove-rules deletes it once none is left (e.g. with "
              + Input.ALL_REGIONS.ref()
              + ").");
    }
    List<String> inline = roles.inlinePolicyNames(ForwarderRole.NAME);
    List<String> attached = roles.attachedPolicyArns(ForwarderRole.NAME);
    RoleDeletion deletion = new RoleDeletion(inline, attached);
    return PartPlan.of(
        List.of(deletion),
        new Actual(role.get().trustPolicy(), role.get().tags(), inline, attached, remaining),
        deletion,
        Notes.none());
  }

  private static PartPlan kept(RolePort.Role role, List<String> remaining, String warning) {
    return PartPlan.of(
        List.of(),
        new Actual(role.trustPolicy(), role.tags(), List.of(), List.of(), remaining),
        null,
        new Notes(Map.of(), 0, List.of(), List.of(), List.of(warning)));
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    // The regions' rules part has finished: a forwarder still there is one whose removal failed.
    List<String> left =
        new ForwarderCensus(context.ports(), context.parallel())
            .presentIn(removal.regions(context.regions()));
    if (!left.isEmpty()) {
      return Applied.of(
          0,
          List.of(
              "kept IAM role "
                  + ForwarderRole.NAME
                  + ": "
                  + String.join("; ", left)
                  + ". Re-run remove-rules to remove them and the role."));
    }
    RolePort roles = context.ports().alertPath().roles();
    RoleDeletion deletion = (RoleDeletion) plan.detail();
    int writes = 0;
    for (String policy : deletion.inlinePolicies()) {
      writes++;
      roles.deleteRolePolicy(ForwarderRole.NAME, policy);
    }
    for (String arn : deletion.attachedPolicies()) {
      writes++;
      roles.detachRolePolicy(ForwarderRole.NAME, arn);
    }
    writes++;
    roles.deleteRole(ForwarderRole.NAME);
    return Applied.of(writes, List.of());
  }

  @Override
  public JsonNode desired() {
    return JsonNodeFactory.instance.objectNode();
  }
}
