package dev.irctl.engine.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.irctl.catalog.ConsoleSignIns;
import dev.irctl.engine.Change;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RolePort;
import dev.irctl.engine.rules.ApplyRulesRequest;
import dev.irctl.engine.rules.DesiredRule;
import dev.irctl.engine.rules.LocalAlerting;
import dev.irctl.engine.rules.RegionPlanner;
import dev.irctl.engine.rules.RuleScopes;
import dev.irctl.engine.rules.RuleTargets;
import dev.irctl.engine.rules.TopicSpec;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The role the forwarder rules use to put events on another region's default bus ({@link
 * ForwarderRole}): with a hub, every non-hub region's forwarders, to the hub; without one, the
 * sign-in rules carried to regions that were not chosen, to the chosen region they forward to
 * ({@link ApplyRulesRequest#forwardTarget}, known only once the run's regions are). Created, or its
 * trust and permission documents put back, only where they differ. When no region of the run
 * forwards (every carried region was chosen, or alerts to the topic of a run that chose it) the
 * role is not planned; one irctl made earlier is left in place and said so, like a carried region's
 * old topic: another run's forwarders may use it, and remove-rules deletes it once no forwarder is
 * left anywhere. IAM is global: one pass per run.
 */
public final class ForwarderRolePart extends GlobalPart {
  public static final String NAME = "forwarder-role";

  private final Optional<String> hubRegion;
  private final List<DesiredRule> signInRules;
  private final String topicName;

  public ForwarderRolePart(String hubRegion) {
    this(Optional.of(hubRegion), List.of(), TopicSpec.DEFAULT_NAME);
  }

  private ForwarderRolePart(
      Optional<String> hubRegion, List<DesiredRule> signInRules, String topicName) {
    super(NAME);
    this.hubRegion = hubRegion;
    this.signInRules = List.copyOf(signInRules);
    this.topicName = topicName;
  }

  /**
   * The part a rules run needs: with a hub always; without one when the selection has sign-in rules
   * (they forward from the regions they are carried to); else none.
   */
  public static Optional<ForwarderRolePart> of(ApplyRulesRequest request) {
    List<DesiredRule> signIn =
        request.rules().stream().filter(r -> r.consoleSignIns() != ConsoleSignIns.NONE).toList();
    return request.hubRegion().isEmpty() && signIn.isEmpty()
        ? Optional.empty()
        : Optional.of(new ForwarderRolePart(request.hubRegion(), signIn, request.topic().name()));
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
        signIn,
        desired.path("topicName").asText(TopicSpec.DEFAULT_NAME));
  }

  /**
   * Where this run's forwarders send events; empty when no region forwards. With a hub: the hub,
   * when a region of the run is not the hub. Without one: the chosen region the carried sign-in
   * rules forward to, when a carried region really forwards; one another run chose alerts to its
   * own topic ({@link LocalAlerting}, read here: one ListRules per carried region, at once). A
   * carried region that cannot be read counts as forwarding: a role kept that may go unused is
   * better than forwarders without their role.
   */
  Optional<String> target(PartContext context) {
    List<String> chosen = context.regions();
    Optional<String> target = RuleScopes.forwardTarget(hubRegion, signInRules, chosen);
    if (target.isEmpty() || hubRegion.isPresent()) {
      return target;
    }
    Map<String, List<DesiredRule>> carried = RuleScopes.carried(signInRules, chosen);
    List<Boolean> forwarding =
        context
            .parallel()
            .map(
                List.copyOf(carried.keySet()),
                carried.size(),
                region -> forwardsFrom(context, region, carried.get(region)));
    return forwarding.contains(true) ? target : Optional.empty();
  }

  private boolean forwardsFrom(PartContext context, String region, List<DesiredRule> rules) {
    try {
      return !LocalAlerting.alertsHere(
          context.ports().eventBridge(region),
          rules,
          RegionPlanner.topicArn(context.identity(), region, topicName));
    } catch (AwsCallException e) {
      return true;
    }
  }

  /** The destination bus the plan gives the role, empty when no region forwards. */
  public static Optional<String> busArn(PartPlan plan) {
    return plan.detail() instanceof String bus ? Optional.of(bus) : Optional.empty();
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
    CompletableFuture<Optional<String>> reading = context.parallel().fork(() -> target(context));
    Optional<RolePort.Role> role = roles.role(ForwarderRole.NAME);
    Optional<String> target = Parallel.join(reading);
    if (target.isEmpty()) {
      return unused(role);
    }
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
        changes, List.of(role.map(RolePort.Role::trustPolicy), policy), bus, Notes.none());
  }

  /**
   * No region of this run forwards: nothing to plan. A role irctl made is left in place and said
   * so; one it did not make is none of its business.
   */
  private static PartPlan unused(Optional<RolePort.Role> role) {
    if (role.isEmpty() || !Ownership.taggedByIrctl(role.get().tags())) {
      return PartPlan.of(List.of(), "not needed", null, Notes.none());
    }
    return PartPlan.of(
        List.of(),
        "not needed",
        null,
        new Notes(
            Map.of(),
            0,
            List.of(),
            List.of(),
            List.of(
                "kept IAM role "
                    + ForwarderRole.NAME
                    + ": no region of this run forwards events (each alerts to its own topic), so"
                    + " this run does not use it. Forwarders of another run may; remove-rules"
                    + " deletes it once no forwarder is left in any region.")));
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
    desired.put("topicName", topicName);
    return desired;
  }
}
