package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.Ownership;
import dev.irctl.engine.org.OrgInputException.Kind;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.port.StackSetsPort.StackSet;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The member StackSet: absent -> create it and its instances; template (compared as parsed JSON),
 * parameters, tags or auto-deployment differ -> one update (CloudFormation rolls it to every
 * instance); OUs or regions without instances -> create those; nothing differs -> no change, so no
 * operation starts. A stack set with the name but without irctl's tag is refused.
 */
public final class StackSetPlanner {
  private static final ObjectMapper JSON = new ObjectMapper();

  private StackSetPlanner() {}

  /** Where the instances should be: every account of these OUs, in these regions. */
  public record Targets(List<String> organizationalUnitIds, List<String> regions) {
    public Targets {
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
      regions = List.copyOf(regions);
    }
  }

  /**
   * @param adminRegion where the stack set is administered
   * @param instances the existing instances (empty when the set is absent)
   */
  public static List<OrgChange> plan(
      String adminRegion,
      StackSetSpec desired,
      Targets targets,
      Optional<StackSet> actual,
      List<StackInstance> instances) {
    List<OrgChange> changes = new ArrayList<>();
    if (actual.isEmpty()) {
      changes.add(new OrgChange.CreateStackSet(adminRegion, desired));
      changes.add(new OrgChange.CreateStackInstances(adminRegion, desired.name(), targets));
      return changes;
    }
    StackSet set = actual.get();
    if (!set.name().startsWith(Ownership.NAME_PREFIX) || !Ownership.taggedByIrctl(set.tags())) {
      throw new OrgInputException(
          Kind.NOT_OWNED,
          "stack set "
              + set.name()
              + " exists but has no managed-by=irctl tag: irctl did not create it and will not"
              + " change it. Delete or rename it, or choose another stack set name.");
    }
    List<FieldDiff> diffs = diffs(desired, set);
    if (!diffs.isEmpty()) {
      changes.add(new OrgChange.UpdateStackSet(adminRegion, desired, diffs));
    }
    Set<String> knownOus = new LinkedHashSet<>(set.organizationalUnitIds());
    instances.forEach(
        i -> {
          if (i.organizationalUnitId() != null) {
            knownOus.add(i.organizationalUnitId());
          }
        });
    List<String> newOus =
        targets.organizationalUnitIds().stream().filter(o -> !knownOus.contains(o)).toList();
    if (!newOus.isEmpty()) {
      changes.add(
          new OrgChange.CreateStackInstances(
              adminRegion, desired.name(), new Targets(newOus, targets.regions())));
    }
    List<String> oldOus =
        targets.organizationalUnitIds().stream().filter(knownOus::contains).toList();
    Set<String> deployedRegions = new LinkedHashSet<>();
    instances.forEach(i -> deployedRegions.add(i.region()));
    List<String> newRegions =
        targets.regions().stream().filter(r -> !deployedRegions.contains(r)).toList();
    if (!oldOus.isEmpty() && !newRegions.isEmpty()) {
      changes.add(
          new OrgChange.CreateStackInstances(
              adminRegion, desired.name(), new Targets(oldOus, newRegions)));
    }
    return changes;
  }

  /**
   * The set's instances in accounts now left out of it (the delegated administrator, deployed to by
   * an irctl from before the exclusion): one delete of only those accounts, through the target OUs,
   * the set's and the OUs the instances came from (INTERSECTION targets no other account, so an
   * extra OU widens nothing, and one of them holds the account). INOPERABLE ones (a failed delete)
   * are left to the INOPERABLE warning: the same delete would fail again on every run. None left:
   * no change, so a re-run writes nothing.
   */
  public static Optional<OrgChange> excludedInstances(
      String adminRegion,
      StackSet set,
      List<String> targetOus,
      List<String> excludedAccounts,
      List<StackInstance> instances) {
    Set<String> accounts = new LinkedHashSet<>();
    Set<String> ous = new LinkedHashSet<>(targetOus);
    ous.addAll(set.organizationalUnitIds());
    Set<String> regions = new LinkedHashSet<>();
    int count = 0;
    for (StackInstance i : instances) {
      if (excludedAccounts.contains(i.account()) && !"INOPERABLE".equals(i.status())) {
        accounts.add(i.account());
        regions.add(i.region());
        if (i.organizationalUnitId() != null) {
          ous.add(i.organizationalUnitId());
        }
        count++;
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new OrgChange.DeleteExcludedInstances(
            adminRegion,
            set.name(),
            List.copyOf(accounts),
            List.copyOf(ous),
            List.copyOf(regions),
            count));
  }

  static List<FieldDiff> diffs(StackSetSpec desired, StackSet actual) {
    List<FieldDiff> diffs = new ArrayList<>();
    if (!sameTemplate(desired.templateBody(), actual.templateBody())) {
      diffs.add(new FieldDiff("template", "deployed template", "generated template"));
    }
    if (!desired.parameters().equals(actual.parameters())) {
      diffs.add(FieldDiff.of("parameters", actual.parameters(), desired.parameters()));
    }
    if (!desired.tags().equals(actual.tags())) {
      diffs.add(FieldDiff.of("tags", actual.tags(), desired.tags()));
    }
    if (desired.autoDeployment() != actual.autoDeployment()
        || desired.retainStacksOnAccountRemoval() != actual.retainStacksOnAccountRemoval()) {
      diffs.add(
          FieldDiff.of(
              "autoDeployment",
              autoText(actual.autoDeployment(), actual.retainStacksOnAccountRemoval()),
              autoText(desired.autoDeployment(), desired.retainStacksOnAccountRemoval())));
    }
    return diffs;
  }

  private static String autoText(boolean enabled, boolean retain) {
    return enabled ? (retain ? "on, stacks retained" : "on") : "off";
  }

  /** As parsed JSON trees; a body that is not JSON (YAML someone wrote) always differs. */
  static boolean sameTemplate(String desired, String actual) {
    if (actual == null) {
      return false;
    }
    try {
      JsonNode a = JSON.readTree(desired);
      JsonNode b = JSON.readTree(actual);
      return a != null && a.equals(b);
    } catch (IOException e) {
      return false;
    }
  }
}
