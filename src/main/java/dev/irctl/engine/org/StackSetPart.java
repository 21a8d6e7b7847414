package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.CallAs;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.port.StackSetsPort.StackSet;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The member rules in every account of the chosen OUs, on CloudFormation's engine: the global stack
 * set {@code irctl-member-role} (the forwarder role, one instance per account, in the hub region)
 * and the stack set {@code irctl-member-rules} (one instance per account and selected region), both
 * service-managed with automatic deployment, so accounts that join an OU later get them without
 * anyone running irctl. Administered from the hub region as the delegated administrator. The role
 * set goes first (the rules need the role). Each operation is waited for; failed instances are
 * reported with CloudFormation's reason and the others go on. Template and parameters are compared
 * with what is deployed, so a second run with nothing changed starts no operation.
 */
public final class StackSetPart extends GlobalPart {
  public static final String NAME = "org-stacksets";

  /** ListStackInstances listings at once: one per region, within CloudFormation's call rate. */
  static final int LISTS_IN_FLIGHT = 17;

  private static final String OUTDATED = "OUTDATED";
  private static final String INOPERABLE = "INOPERABLE";

  /** What the part wants: the two templates, where, and how operations roll out. */
  public record Desired(
      String rulesTemplate,
      String roleTemplate,
      List<String> organizationalUnitIds,
      String hubRegion,
      OperationPreferences preferences) {
    public Desired {
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
    }
  }

  private final Desired desired;
  private final OperationWait wait;
  private final Consumer<String> progress;

  public StackSetPart(Desired desired, OperationWait wait, Consumer<String> progress) {
    super(NAME, HubBusPolicyPart.NAME);
    this.desired = desired;
    this.wait = wait;
    this.progress = progress;
  }

  public Desired desiredValue() {
    return desired;
  }

  /** The same part reporting operation progress to {@code progress} (a saved plan's part). */
  public StackSetPart withProgress(Consumer<String> progress) {
    return new StackSetPart(desired, wait, progress);
  }

  public StackSetPart withWait(OperationWait wait) {
    return new StackSetPart(desired, wait, progress);
  }

  /** What the plan saw: each stack set (or none) and its instances. */
  public record Actual(
      Optional<StackSet> role,
      List<StackInstance> roleInstances,
      Optional<StackSet> rules,
      List<StackInstance> rulesInstances) {}

  StackSetSpec rolesSpec(String securityAccount) {
    return spec(
        MemberRulesTemplate.ROLE_STACK_SET,
        "irctl: the role EventBridge uses to forward member events to the hub bus",
        desired.roleTemplate(),
        securityAccount);
  }

  StackSetSpec rulesSpec(String securityAccount) {
    return spec(
        MemberRulesTemplate.RULES_STACK_SET,
        "irctl: rules in member accounts forwarding to the hub bus",
        desired.rulesTemplate(),
        securityAccount);
  }

  private StackSetSpec spec(String name, String description, String body, String account) {
    return new StackSetSpec(
        name,
        description,
        body,
        Map.of(
            MemberRulesTemplate.PARAM_ACCOUNT,
            account,
            MemberRulesTemplate.PARAM_HUB_REGION,
            desired.hubRegion()),
        Ownership.tags(),
        true,
        false);
  }

  @Override
  public PartPlan plan(PartContext context) {
    StackSetsPort port = context.ports().stackSets(desired.hubRegion(), CallAs.DELEGATED_ADMIN);
    String account = context.identity().accountId();
    List<String> regions =
        context.regions().isEmpty() ? List.of(desired.hubRegion()) : context.regions();
    Parallel parallel = context.parallel();
    CompletableFuture<Optional<StackSet>> roleRead =
        parallel.fork(() -> port.describeStackSet(MemberRulesTemplate.ROLE_STACK_SET));
    CompletableFuture<Optional<StackSet>> rulesRead =
        parallel.fork(() -> port.describeStackSet(MemberRulesTemplate.RULES_STACK_SET));
    // The role set lives in the hub region only; the rules set's instances are listed region by
    // region at once (one unfiltered listing of 1,000 accounts x 17 regions is 170 pages in a
    // row). Instances elsewhere cannot change the plan: it creates and retries in these regions,
    // and the set's own OU list says which OUs are deployed.
    List<StackInstance> roleInstances =
        instances(port, parallel, MemberRulesTemplate.ROLE_STACK_SET, List.of(desired.hubRegion()));
    List<StackInstance> rulesInstances =
        instances(port, parallel, MemberRulesTemplate.RULES_STACK_SET, regions);
    Optional<StackSet> role = Parallel.join(roleRead);
    Optional<StackSet> rules = Parallel.join(rulesRead);
    if (role.isEmpty()) {
      roleInstances = List.of();
    }
    if (rules.isEmpty()) {
      rulesInstances = List.of();
    }
    List<OrgChange> changes = new ArrayList<>();
    try {
      changes.addAll(
          plan(rolesSpec(account), List.of(desired.hubRegion()), role, roleInstances, account));
      List<OrgChange> rulesChanges =
          plan(rulesSpec(account), regions, rules, rulesInstances, account);
      // Before the rules' update: an update rolls to every instance, the left-out account's too.
      if (rules.isPresent()) {
        StackSetPlanner.excludedInstances(
                desired.hubRegion(),
                rules.get(),
                desired.organizationalUnitIds(),
                excluded(context),
                rulesInstances)
            .ifPresent(changes::add);
      }
      changes.addAll(rulesChanges);
    } catch (OrgInputException e) {
      throw new PlanConflictException(e.getMessage());
    }
    List<String> warnings = new ArrayList<>();
    roleKept(account, roleInstances).ifPresent(warnings::add);
    inoperable(MemberRulesTemplate.ROLE_STACK_SET, roleInstances).ifPresent(warnings::add);
    inoperable(MemberRulesTemplate.RULES_STACK_SET, rulesInstances).ifPresent(warnings::add);
    warnings.add(
        MemberRulesTemplate.RULES_STACK_SET
            + " deploys to every account of "
            + String.join(", ", desired.organizationalUnitIds())
            + " in "
            + String.join(", ", regions)
            + ", and to accounts that join those OUs later (automatic deployment)");
    warnings.add(adminLeftOut(account));
    int unchanged = (changes.isEmpty() ? rulesInstances.size() + roleInstances.size() : 0);
    return new PartPlan(
        List.copyOf(changes),
        new Actual(role, roleInstances, rules, rulesInstances),
        regions,
        new Notes(Map.of(), unchanged, List.of(), List.of(), warnings),
        Optional.empty());
  }

  /** The set's instances in these regions, one filtered listing per region, at once. */
  private static List<StackInstance> instances(
      StackSetsPort port, Parallel parallel, String stackSet, List<String> regions) {
    List<StackInstance> all = new ArrayList<>();
    parallel
        .map(regions, LISTS_IN_FLIGHT, region -> port.stackInstancesIn(stackSet, region))
        .forEach(found -> found.ifPresent(all::addAll));
    return List.copyOf(all);
  }

  private List<OrgChange> plan(
      StackSetSpec spec,
      List<String> regions,
      Optional<StackSet> set,
      List<StackInstance> instances,
      String admin) {
    List<OrgChange> changes =
        new ArrayList<>(
            StackSetPlanner.plan(
                desired.hubRegion(),
                spec,
                new StackSetPlanner.Targets(desired.organizationalUnitIds(), regions),
                set,
                instances));
    boolean updating = changes.stream().anyMatch(c -> c instanceof OrgChange.UpdateStackSet);
    if (set.isPresent() && !updating) {
      retry(spec.name(), regions, instances, admin).ifPresent(changes::add);
    }
    return changes;
  }

  /**
   * OUTDATED instances in the target OUs and regions (a failed or stopped create or update):
   * deployed again with CreateStackInstances, which AWS documents as retrying every OUTDATED
   * instance when repeated with a new operation id (the SDK makes one per call). INOPERABLE ones (a
   * failed delete) are not retried by any create or update; {@link #inoperable} lists them. The
   * administrator's own (left by an irctl before it was excluded) are not counted: the create
   * excludes that account, so counting them would plan the same retry on every run (the rules set's
   * are deleted instead, {@link StackSetPlanner#excludedInstances}).
   */
  private Optional<OrgChange> retry(
      String stackSet, List<String> regions, List<StackInstance> instances, String admin) {
    Set<String> ous = new LinkedHashSet<>();
    Set<String> where = new LinkedHashSet<>();
    int count = 0;
    for (StackInstance i : instances) {
      if (OUTDATED.equals(i.status())
          && !admin.equals(i.account())
          && regions.contains(i.region())
          && i.organizationalUnitId() != null
          && desired.organizationalUnitIds().contains(i.organizationalUnitId())) {
        ous.add(i.organizationalUnitId());
        where.add(i.region());
        count++;
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new OrgChange.RetryStackInstances(
            desired.hubRegion(),
            stackSet,
            new StackSetPlanner.Targets(List.copyOf(ous), List.copyOf(where)),
            count));
  }

  /**
   * Why the administrator account gets no instance of either stack set when it sits in a target OU:
   * {@code apply-rules --hub-region} already makes the same {@code irctl-forward-*} rules and the
   * forwarder role there (CloudFormation would fail the instance: the resource already exists), and
   * in the hub region a forwarder would target its own bus.
   */
  static String adminLeftOut(String adminAccount) {
    return "the delegated administrator "
        + adminAccount
        + " is left out of both stack sets even in a target OU: irctl apply-rules with a hub region makes"
        + " its irctl-forward-* rules and role, which the stack instances would collide with (and"
        + " in the hub region forward to their own bus)";
  }

  /**
   * The accounts every create leaves out: the one irctl runs as, the delegated administrator (see
   * {@link #adminLeftOut}). Instances irctl-member-rules has there are deleted; see {@link
   * #roleKept} for the role's.
   */
  private static List<String> excluded(PartContext context) {
    return List.of(context.identity().accountId());
  }

  /**
   * An irctl-member-role instance in the administrator (from an irctl before the exclusion) is not
   * deleted: its stack may hold the role irctl-event-forwarder that apply-rules' forwarders there
   * use, and deleting the stack deletes the role. AWS's way to drop the instance and keep the role
   * is named instead.
   */
  static Optional<String> roleKept(String adminAccount, List<StackInstance> roleInstances) {
    if (roleInstances.stream().noneMatch(i -> adminAccount.equals(i.account()))) {
      return Optional.empty();
    }
    return Optional.of(
        MemberRulesTemplate.ROLE_STACK_SET
            + " has an instance in the delegated administrator "
            + adminAccount
            + " from an earlier irctl; it is kept, because deleting its stack would delete the role "
            + MemberRulesTemplate.ROLE_NAME
            + " that the administrator's own forwarders may use. To drop the instance and keep the"
            + " role: 'aws cloudformation delete-stack-instances --retain-stacks' for that account");
  }

  /** The warning for INOPERABLE instances (a failed DeleteStackInstances), with AWS's fix. */
  static Optional<String> inoperable(String stackSet, List<StackInstance> instances) {
    List<String> where =
        instances.stream()
            .filter(i -> INOPERABLE.equals(i.status()))
            .map(i -> i.account() + " in " + i.region())
            .toList();
    if (where.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        stackSet
            + ": "
            + where.size()
            + " INOPERABLE instance(s) after a failed delete ("
            + String.join(", ", where)
            + "); no create or update retries them: delete them with"
            + " 'aws cloudformation delete-stack-instances --retain-stacks', delete the stacks by"
            + " hand, then run org apply again");
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    StackSetsPort port = context.ports().stackSets(desired.hubRegion(), CallAs.DELEGATED_ADMIN);
    // Every create excludes the account irctl runs as, the delegated administrator (see
    // adminLeftOut), with AccountFilterType DIFFERENCE (valid with OrganizationalUnitIds; UNION is
    // not, for CreateStackInstances). The filter belongs to the operation, not the stack set:
    // automatic deployment acts on accounts added to a target OU later, so an administrator already
    // in the OU gets none; one moved into a target OU later may get an instance (AWS documents no
    // filter for automatic deployment), which org status then shows.
    List<String> excluded = excluded(context);
    int writes = 0;
    List<String> failures = new ArrayList<>();
    Map<String, String> ids = new LinkedHashMap<>();
    for (var change : plan.changes()) {
      try {
        if (change instanceof OrgChange.CreateStackSet create) {
          port.createStackSet(create.spec());
          writes++;
        } else if (change instanceof OrgChange.UpdateStackSet update) {
          String op = port.updateStackSet(update.spec(), desired.preferences());
          writes++;
          failures.addAll(await(port, update.spec().name(), "update", op, ids));
        } else if (change instanceof OrgChange.InstanceDeployment deploy) {
          String op =
              port.createStackInstances(
                  deploy.stackSet(),
                  deploy.targets().organizationalUnitIds(),
                  excluded,
                  deploy.targets().regions(),
                  desired.preferences());
          writes++;
          failures.addAll(await(port, deploy.stackSet(), "create", op, ids));
        } else if (change instanceof OrgChange.DeleteExcludedInstances delete) {
          String op =
              port.deleteAccountInstances(
                  delete.stackSet(),
                  delete.organizationalUnitIds(),
                  delete.accounts(),
                  delete.regions(),
                  desired.preferences());
          writes++;
          failures.addAll(await(port, delete.stackSet(), "delete", op, ids));
        }
      } catch (dev.irctl.engine.port.AwsCallException e) {
        failures.add(change.resource() + ": " + e.getMessage());
      }
    }
    return new Applied(writes, failures, ids);
  }

  /**
   * Waits for one operation ({@code verb}: its action, as progress words it); the failed instances,
   * each with CloudFormation's reason.
   */
  private List<String> await(
      StackSetsPort port,
      String stackSet,
      String verb,
      String operationId,
      Map<String, String> ids) {
    ids.put(stackSet + " operation", operationId);
    OperationWait.Outcome outcome = wait.await(port, stackSet, operationId, verb, progress);
    List<String> failures = new ArrayList<>();
    if (outcome.timedOut()) {
      failures.add(
          stackSet
              + ": operation "
              + operationId
              + " still "
              + outcome.operation().status()
              + " when irctl stopped waiting; run org apply again when it has finished");
      return failures;
    }
    long failed = outcome.failed().size();
    long running = outcome.results().size() - outcome.succeeded() - failed;
    progress.accept(
        stackSet
            + ": operation "
            + operationId
            + " "
            + outcome.operation().status()
            + ": "
            + outcome.succeeded()
            + " account-region(s) done, "
            + failed
            + " failed"
            + (running > 0 ? ", " + running + " not run (failure tolerance)" : ""));
    failures.addAll(outcome.failures(stackSet));
    if (failures.isEmpty() && !"SUCCEEDED".equals(outcome.operation().status())) {
      failures.add(
          stackSet
              + ": operation "
              + operationId
              + " "
              + outcome.operation().status()
              + (outcome.operation().statusReason() == null
                  ? ""
                  : ": " + outcome.operation().statusReason()));
    }
    return failures;
  }

  @Override
  public JsonNode desired() {
    ObjectNode node = Fingerprint.JSON.createObjectNode();
    node.put("rulesTemplate", desired.rulesTemplate());
    node.put("roleTemplate", desired.roleTemplate());
    ArrayNode ous = node.putArray("organizationalUnitIds");
    desired.organizationalUnitIds().forEach(ous::add);
    node.put("hubRegion", desired.hubRegion());
    node.set("preferences", Fingerprint.JSON.valueToTree(desired.preferences()));
    return node;
  }

  public static StackSetPart fromDesired(JsonNode node) {
    List<String> ous = new ArrayList<>();
    node.path("organizationalUnitIds").forEach(o -> ous.add(o.asText()));
    return new StackSetPart(
        new Desired(
            node.path("rulesTemplate").asText(),
            node.path("roleTemplate").asText(),
            ous,
            node.path("hubRegion").asText(),
            Fingerprint.JSON.convertValue(node.path("preferences"), OperationPreferences.class)),
        OperationWait.standard(),
        line -> {});
  }
}
