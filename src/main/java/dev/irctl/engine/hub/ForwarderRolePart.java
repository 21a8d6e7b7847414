package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.RuleScopes;
import dev.irctl.engine.rules.RuleTargets;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Optional;

/**
 * The role the forwarder rules use to put events on another region's default bus ({@link
 * ForwarderRole}): with a hub, every non-hub region's forwarders, to the hub; without one, the
 * sign-in rules carried to regions that were not chosen, to the chosen region they forward to
 * ({@link ApplyRulesRequest#forwardTarget}, known only once the run's regions are). Created, or its
 * trust and permission documents put back, only where they differ; no change when nothing forwards.
 * IAM is global: one pass per run.
 */
public final class ForwarderRolePart extends GlobalPart {
  public static final String NAME = "forwarder-role";

  private final Optional<String> hubRegion;
  private final List<DesiredRule> signInRules;

  public ForwarderRolePart(String hubRegion) {
    this(Optional.of(hubRegion), List.of());
  }

  private ForwarderRolePart(Optional<String> hubRegion, List<DesiredRule> signInRules) {
    super(NAME);
    this.hubRegion = hubRegion;
    this.signInRules = List.copyOf(signInRules);
  }

  /**
   * The part a rules run needs: with a hub always; without one when the selection has sign-in rules
   * (they forward from the regions they are carried to); else none.
   */
  public static Optional<ForwarderRolePart> of(ApplyRulesRequest request) {
    if (request.hubRegion().isPresent()) {
      return Optional.of(new ForwarderRolePart(request.hubRegion().get()));
    }
    List<DesiredRule> signIn =
        request.rules().stream().filter(r -> r.consoleSignIns() != ConsoleSignIns.NONE).toList();
    return signIn.isEmpty()
        ? Optional.empty()
        : Optional.of(new ForwarderRolePart(Optional.empty(), signIn));
  }

  public static ForwarderRolePart fromDesired(JsonNode desired) {
    List<DesiredRule> signIn = new java.util.ArrayList<>();
    desired
        .path("signInRules")
        .forEach(r -> signIn.add(Fingerprint.JSON.convertValue(r, DesiredRule.class)));
    return new ForwarderRolePart(
        desired.hasNonNull("hubRegion")
            ? Optional.of(desired.path("hubRegion").asText())
            : Optional.empty(),
        signIn);
  }

  /** Where this run's forwarders send events, among {@code chosen}; empty when none forwards. */
  public Optional<String> target(List<String> chosen) {
    return RuleScopes.forwardTarget(hubRegion, signInRules, chosen);
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
    Optional<String> target = target(context.regions());
    if (target.isEmpty()) {
      // No region forwards in this run (every sign-in region was chosen): the role is not needed,
      // and one left from an earlier run is remove-rules' to delete.
      return PartPlan.of(List.of(), "not needed", null, Notes.none());
    }
    RolePort roles = context.ports().alertPath().roles();
    Optional<RolePort.Role> role = roles.role(ForwarderRole.NAME);
    Optional<String> policy =
        role.isPresent()
            ? roles.rolePolicy(ForwarderRole.NAME, ForwarderRole.POLICY_NAME)
            : Optional.empty();
    String bus = RuleTargets.hubBusArn(context.identity(), target.get());
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

  @Override
  public JsonNode desired() {
    var desired = JsonNodeFactory.instance.objectNode();
    hubRegion.ifPresent(h -> desired.put("hubRegion", h));
    if (!signInRules.isEmpty()) {
      desired.set("signInRules", Fingerprint.JSON.valueToTree(signInRules));
    }
    return desired;
  }
}
