package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.CallAs;
import dev.irctl.engine.port.StackSetsPort.OperationPreferences;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.port.StackSetsPort.StackSet;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.GlobalPart;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Teardown of the member stack sets, in a safe order: the rules' instances, the rules stack set,
 * then the role's instances and the role stack set (the role outlives the rules that use it). A
 * stack set is deleted only once its instances are gone; one without irctl's name and tag is left
 * alone and listed. Each step is skipped when already done, so a re-run after a failure goes on
 * where it stopped.
 */
public final class StackSetRemovePart extends GlobalPart {
  public static final String NAME = "org-stacksets";
  static final List<String> ORDER =
      List.of(MemberRulesTemplate.RULES_STACK_SET, MemberRulesTemplate.ROLE_STACK_SET);

  private final String hubRegion;
  private final OperationPreferences preferences;
  private final OperationWait wait;
  private final Consumer<String> progress;

  public StackSetRemovePart(
      String hubRegion,
      OperationPreferences preferences,
      OperationWait wait,
      Consumer<String> progress) {
    super(NAME);
    this.hubRegion = hubRegion;
    this.preferences = preferences;
    this.wait = wait;
    this.progress = progress;
  }

  public record Actual(Map<String, Optional<StackSet>> sets, Map<String, List<String>> instances) {}

  @Override
  public PartPlan plan(PartContext context) {
    StackSetsPort port = context.ports().stackSets(hubRegion, CallAs.DELEGATED_ADMIN);
    List<Change> changes = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<String, Optional<StackSet>> sets = new java.util.LinkedHashMap<>();
    Map<String, List<String>> seen = new java.util.LinkedHashMap<>();
    for (String name : ORDER) {
      Optional<StackSet> set = port.describeStackSet(name);
      sets.put(name, set);
      if (set.isEmpty()) {
        continue;
      }
      if (!Ownership.taggedByIrctl(set.get().tags())) {
        warnings.add("left alone stack set " + name + ": it has no managed-by=irctl tag");
        continue;
      }
      List<StackInstance> instances = port.listStackInstances(name);
      seen.put(name, instances.stream().map(i -> i.account() + " " + i.region()).sorted().toList());
      if (!instances.isEmpty()) {
        Set<String> ous = new LinkedHashSet<>(set.get().organizationalUnitIds());
        Set<String> regions = new LinkedHashSet<>();
        instances.forEach(
            i -> {
              if (i.organizationalUnitId() != null) {
                ous.add(i.organizationalUnitId());
              }
              regions.add(i.region());
            });
        changes.add(
            new OrgChange.DeleteStackInstances(
                hubRegion,
                name,
                new StackSetPlanner.Targets(List.copyOf(ous), List.copyOf(regions)),
                instances.size()));
      }
      changes.add(new OrgChange.DeleteStackSet(hubRegion, name));
    }
    return new PartPlan(
        changes,
        new Actual(sets, seen),
        "",
        new Notes(Map.of(), 0, List.of(), List.of(), warnings),
        Optional.empty());
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    StackSetsPort port = context.ports().stackSets(hubRegion, CallAs.DELEGATED_ADMIN);
    int writes = 0;
    List<String> failures = new ArrayList<>();
    Set<String> blocked = new LinkedHashSet<>();
    for (Change change : plan.changes()) {
      try {
        if (change instanceof OrgChange.DeleteStackInstances delete) {
          if (!blocked.isEmpty()) {
            // The role stays while the rules that use it could not be removed.
            blocked.add(delete.stackSet());
            continue;
          }
          String op =
              port.deleteStackInstances(
                  delete.stackSet(),
                  delete.targets().organizationalUnitIds(),
                  delete.targets().regions(),
                  preferences);
          writes++;
          List<String> failed = await(port, delete.stackSet(), op);
          if (!failed.isEmpty()) {
            failures.addAll(failed);
            blocked.add(delete.stackSet());
          }
        } else if (change instanceof OrgChange.DeleteStackSet delete) {
          if (!blocked.isEmpty()) {
            blocked.add(delete.stackSet());
            continue;
          }
          port.deleteStackSet(delete.stackSet());
          writes++;
        }
      } catch (AwsCallException e) {
        failures.add(change.resource() + ": " + e.getMessage());
        blocked.add(change.resource());
      }
    }
    if (!blocked.isEmpty() && failures.size() > 0) {
      failures.add(
          "kept what comes after in the safe order (the role outlives the rules): run org remove"
              + " again once the failures above are fixed");
    }
    return Applied.of(writes, failures);
  }

  private List<String> await(StackSetsPort port, String stackSet, String operationId) {
    OperationWait.Outcome outcome = wait.await(port, stackSet, operationId, "delete", progress);
    List<String> failures = new ArrayList<>();
    if (outcome.timedOut()) {
      failures.add(
          stackSet + ": operation " + operationId + " still running when irctl stopped waiting");
      return failures;
    }
    progress.accept(
        stackSet
            + ": delete operation "
            + outcome.operation().status()
            + ": "
            + outcome.succeeded()
            + " done, "
            + outcome.failed().size()
            + " failed");
    failures.addAll(outcome.failures(stackSet));
    if (failures.isEmpty() && !"SUCCEEDED".equals(outcome.operation().status())) {
      failures.add(stackSet + ": delete operation " + outcome.operation().status());
    }
    return failures;
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.createObjectNode().put("hubRegion", hubRegion);
  }
}
