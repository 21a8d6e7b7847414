package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.StackSetsPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Service-managed StackSets in one administering region, in memory. Stack instances are expanded
 * from the OUs' active accounts of a {@link FakeOrganizations}; an operation reports RUNNING for
 * {@link #runningPolls} describes, then SUCCEEDED, or FAILED when one of its instances was made to
 * fail with {@link #failInstance}.
 */
public final class FakeStackSets implements StackSetsPort {
  private final String region;
  private final CallLog log;
  private final FakeOrganizations organizations;
  private OrganizationsAccess access = OrganizationsAccess.DISABLED;
  private final Map<String, StackSet> sets = new LinkedHashMap<>();
  private final Map<String, List<StackInstance>> instances = new LinkedHashMap<>();
  private final Map<String, List<OperationResult>> results = new HashMap<>();
  private final Map<String, Integer> polls = new HashMap<>();
  private final Map<String, String> failures = new HashMap<>();
  private int runningPolls;

  FakeStackSets(String region, FakeOrganizations organizations, CallLog log) {
    this.region = region;
    this.organizations = organizations;
    this.log = log;
  }

  public synchronized FakeStackSets access(OrganizationsAccess access) {
    this.access = access;
    return this;
  }

  public synchronized FakeStackSets runningPolls(int polls) {
    this.runningPolls = polls;
    return this;
  }

  /** The instance in this account and region fails with CloudFormation's {@code reason}. */
  public synchronized FakeStackSets failInstance(String account, String region, String reason) {
    failures.put(account + " " + region, reason);
    return this;
  }

  /** Sets an existing instance's status (e.g. INOPERABLE after a failed delete). */
  public synchronized FakeStackSets status(
      String name, String account, String region, String status) {
    instances
        .get(name)
        .replaceAll(
            i ->
                i.account().equals(account) && i.region().equals(region)
                    ? new StackInstance(
                        account,
                        region,
                        i.organizationalUnitId(),
                        status,
                        "FAILED",
                        "Resource handler returned message: access denied",
                        i.driftStatus())
                    : i);
    return this;
  }

  public synchronized Optional<StackSet> stackSet(String name) {
    return Optional.ofNullable(sets.get(name));
  }

  public synchronized List<StackInstance> instances(String name) {
    return List.copyOf(instances.getOrDefault(name, List.of()));
  }

  @Override
  public synchronized OrganizationsAccess organizationsAccess() {
    log.record(region, "cloudformation:DescribeOrganizationsAccess", false);
    return access;
  }

  @Override
  public synchronized void activateOrganizationsAccess() {
    log.record(region, "cloudformation:ActivateOrganizationsAccess", true);
    access = OrganizationsAccess.ENABLED;
  }

  @Override
  public synchronized Optional<StackSet> describeStackSet(String name) {
    log.record(region, "cloudformation:DescribeStackSet", false);
    return Optional.ofNullable(sets.get(name));
  }

  @Override
  public synchronized void createStackSet(StackSetSpec spec) {
    log.record(region, "cloudformation:CreateStackSet", true);
    requireAccess("cloudformation:CreateStackSet");
    if (sets.containsKey(spec.name())) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "cloudformation:CreateStackSet",
          "NameAlreadyExistsException: StackSet " + spec.name() + " already exists");
    }
    sets.put(spec.name(), toStackSet(spec, UUID.randomUUID().toString(), List.of()));
  }

  @Override
  public synchronized String updateStackSet(StackSetSpec spec, OperationPreferences preferences) {
    log.record(region, "cloudformation:UpdateStackSet", true);
    StackSet old = require(spec.name(), "cloudformation:UpdateStackSet");
    sets.put(spec.name(), toStackSet(spec, old.id(), old.organizationalUnitIds()));
    List<StackInstance> updated = new ArrayList<>();
    for (StackInstance i : instances.getOrDefault(spec.name(), List.of())) {
      updated.add(instance(i.account(), i.region(), i.organizationalUnitId()));
    }
    instances.put(spec.name(), updated);
    return operation("UPDATE", updated);
  }

  @Override
  public synchronized String createStackInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> excludedAccounts,
      List<String> regions,
      OperationPreferences preferences) {
    log.record(region, "cloudformation:CreateStackInstances", true);
    StackSet set = require(name, "cloudformation:CreateStackInstances");
    List<StackInstance> list = new ArrayList<>(instances.getOrDefault(name, List.of()));
    List<StackInstance> touched = new ArrayList<>();
    for (String account : organizations.activeAccountsIn(organizationalUnitIds)) {
      if (excludedAccounts.contains(account)) {
        continue; // AccountFilterType DIFFERENCE
      }
      for (String r : regions) {
        // As in AWS: a create deploys missing instances and retries OUTDATED ones; an
        // INOPERABLE instance (a failed delete) stays as it is.
        if (list.stream()
            .anyMatch(
                i ->
                    i.account().equals(account)
                        && i.region().equals(r)
                        && i.status().equals("INOPERABLE"))) {
          continue;
        }
        list.removeIf(i -> i.account().equals(account) && i.region().equals(r));
        StackInstance instance = instance(account, r, organizations.parentOf(account));
        list.add(instance);
        touched.add(instance);
      }
    }
    instances.put(name, list);
    List<String> units = new ArrayList<>(set.organizationalUnitIds());
    organizationalUnitIds.stream().filter(o -> !units.contains(o)).forEach(units::add);
    sets.put(
        name,
        new StackSet(
            set.name(),
            set.id(),
            set.status(),
            set.templateBody(),
            set.parameters(),
            set.tags(),
            set.serviceManaged(),
            set.autoDeployment(),
            set.retainStacksOnAccountRemoval(),
            units));
    return operation("CREATE", touched);
  }

  @Override
  public synchronized List<StackInstance> listStackInstances(String name) {
    require(name, "cloudformation:ListStackInstances");
    List<StackInstance> all = instances(name);
    for (int from = 0; from == 0 || from < all.size(); from += 100) {
      log.record(region, "cloudformation:ListStackInstances", false);
    }
    return all;
  }

  /** Pages of 100 like ListStackInstances; outside the lock, so regions page in parallel. */
  @Override
  public Optional<List<StackInstance>> stackInstancesIn(String name, String region) {
    List<StackInstance> inRegion;
    synchronized (this) {
      if (!sets.containsKey(name)) {
        inRegion = null;
      } else {
        inRegion =
            instances.getOrDefault(name, List.of()).stream()
                .filter(i -> i.region().equals(region))
                .toList();
      }
    }
    int pages = inRegion == null ? 1 : Math.max(1, (inRegion.size() + 99) / 100);
    for (int page = 0; page < pages; page++) {
      log.record(this.region, "cloudformation:ListStackInstances", false);
    }
    return Optional.ofNullable(inRegion);
  }

  /** Adds an instance as CloudFormation would list it (for status tests). */
  public synchronized FakeStackSets instance(
      String name, String account, String region, String status, String drift) {
    instances
        .computeIfAbsent(name, n -> new ArrayList<>())
        .add(
            new StackInstance(
                account,
                region,
                organizations.parentOf(account),
                status,
                status.equals("CURRENT") ? "SUCCEEDED" : "FAILED",
                status.equals("CURRENT") ? null : "Resource handler returned message: denied",
                drift));
    return this;
  }

  @Override
  public synchronized Operation describeOperation(String name, String operationId) {
    log.record(region, "cloudformation:DescribeStackSetOperation", false);
    List<OperationResult> list = results.get(operationId);
    if (list == null) {
      throw new AwsCallException(
          AwsCallException.Kind.NOT_FOUND,
          "cloudformation:DescribeStackSetOperation",
          "OperationNotFoundException: " + operationId);
    }
    int seen = polls.merge(operationId, 1, Integer::sum);
    if (seen <= runningPolls) {
      return new Operation(operationId, "CREATE", "RUNNING", null, 0);
    }
    int failed = (int) list.stream().filter(r -> r.status().equals("FAILED")).count();
    return new Operation(operationId, "CREATE", failed > 0 ? "FAILED" : "SUCCEEDED", null, failed);
  }

  @Override
  public synchronized List<OperationResult> operationResults(String name, String operationId) {
    log.record(region, "cloudformation:ListStackSetOperationResults", false);
    return List.copyOf(results.getOrDefault(operationId, List.of()));
  }

  @Override
  public synchronized String deleteStackInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> regions,
      OperationPreferences preferences) {
    return delete(name, organizationalUnitIds, null, regions);
  }

  /** AccountFilterType INTERSECTION: the listed accounts, where they belong to one of the OUs. */
  @Override
  public synchronized String deleteAccountInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> accounts,
      List<String> regions,
      OperationPreferences preferences) {
    return delete(name, organizationalUnitIds, accounts, regions);
  }

  /** The OUs' instances in the regions, only those of {@code accounts} unless it is null. */
  private String delete(
      String name,
      List<String> organizationalUnitIds,
      List<String> accounts,
      List<String> regions) {
    log.record(region, "cloudformation:DeleteStackInstances", true);
    require(name, "cloudformation:DeleteStackInstances");
    List<StackInstance> list = new ArrayList<>(instances.getOrDefault(name, List.of()));
    List<StackInstance> removed =
        list.stream()
            .filter(
                i ->
                    regions.contains(i.region())
                        && (accounts == null || accounts.contains(i.account()))
                        && (organizationalUnitIds.contains(FakeOrganizations.ROOT)
                            || organizationalUnitIds.contains(i.organizationalUnitId())))
            .toList();
    list.removeAll(removed);
    instances.put(name, list);
    return operation("DELETE", removed);
  }

  @Override
  public synchronized void deleteStackSet(String name) {
    log.record(region, "cloudformation:DeleteStackSet", true);
    require(name, "cloudformation:DeleteStackSet");
    if (!instances.getOrDefault(name, List.of()).isEmpty()) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "cloudformation:DeleteStackSet",
          "OperationInProgressException: StackSet is not empty");
    }
    sets.remove(name);
    instances.remove(name);
  }

  private StackInstance instance(String account, String r, String ou) {
    String reason = failures.get(account + " " + r);
    return new StackInstance(
        account,
        r,
        ou,
        reason == null ? "CURRENT" : "OUTDATED",
        reason == null ? "SUCCEEDED" : "FAILED",
        reason,
        "NOT_CHECKED");
  }

  private String operation(String action, List<StackInstance> touched) {
    String id = UUID.randomUUID().toString();
    List<OperationResult> list = new ArrayList<>();
    for (StackInstance i : touched) {
      String reason = failures.get(i.account() + " " + i.region());
      list.add(
          new OperationResult(
              i.account(), i.region(), reason == null ? "SUCCEEDED" : "FAILED", reason));
    }
    results.put(id, list);
    return id;
  }

  private static StackSet toStackSet(StackSetSpec spec, String id, List<String> units) {
    return new StackSet(
        spec.name(),
        spec.name() + ":" + id,
        "ACTIVE",
        spec.templateBody(),
        spec.parameters(),
        spec.tags(),
        true,
        spec.autoDeployment(),
        spec.retainStacksOnAccountRemoval(),
        units);
  }

  private void requireAccess(String action) {
    if (access != OrganizationsAccess.ENABLED) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          action,
          "ValidationError: trusted access with AWS Organizations is not enabled");
    }
  }

  private StackSet require(String name, String action) {
    StackSet set = sets.get(name);
    if (set == null) {
      throw new AwsCallException(
          AwsCallException.Kind.NOT_FOUND, action, "StackSetNotFoundException: " + name);
    }
    return set;
  }
}
