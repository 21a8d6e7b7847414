package dev.irctl.engine.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CloudFormation StackSets with service-managed permissions, administered from one region. Every
 * call is made as the management account or as a delegated administrator ({@link CallAs}), fixed
 * when the port is opened.
 */
public interface StackSetsPort {
  /** Whether trusted access between StackSets and Organizations is on. */
  OrganizationsAccess organizationsAccess();

  /** Turns trusted access on (management account only). */
  void activateOrganizationsAccess();

  Optional<StackSet> describeStackSet(String name);

  void createStackSet(StackSetSpec spec);

  /**
   * Updates template, parameters, tags and auto-deployment; CloudFormation then updates every
   * existing instance. Returns the operation id.
   */
  String updateStackSet(StackSetSpec spec, OperationPreferences preferences);

  /**
   * Deploys to every account of the OUs in each region except {@code excludedAccounts} (none
   * excluded when empty). Returns the operation id.
   */
  String createStackInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> excludedAccounts,
      List<String> regions,
      OperationPreferences preferences);

  /** Every instance, read to the last page. */
  List<StackInstance> listStackInstances(String name);

  /**
   * The instances in one region, read to the last page (ListStackInstances filtered by {@code
   * StackInstanceRegion}, so regions page in parallel); empty when the stack set does not exist.
   */
  Optional<List<StackInstance>> stackInstancesIn(String name, String region);

  Operation describeOperation(String name, String operationId);

  /** Per account and region results of an operation, read to the last page. */
  List<OperationResult> operationResults(String name, String operationId);

  /** Deletes (never retains) the stacks in the OUs' accounts in each region. */
  String deleteStackInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> regions,
      OperationPreferences preferences);

  /**
   * Deletes (never retains) the stacks of these accounts only, in each region: the OUs they were
   * deployed through with AccountFilterType INTERSECTION, so the OUs' other accounts keep theirs.
   */
  String deleteAccountInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> accounts,
      List<String> regions,
      OperationPreferences preferences);

  void deleteStackSet(String name);

  /** Who the caller is to StackSets: the management account or a delegated administrator. */
  enum CallAs {
    SELF,
    DELEGATED_ADMIN
  }

  enum OrganizationsAccess {
    ENABLED,
    DISABLED,
    DISABLED_PERMANENTLY
  }

  /**
   * A stack set as irctl writes it: the template body, parameters, tags, and automatic deployment
   * to new accounts of the target OUs (stacks deleted when an account leaves, unless retained).
   */
  record StackSetSpec(
      String name,
      String description,
      String templateBody,
      Map<String, String> parameters,
      Map<String, String> tags,
      boolean autoDeployment,
      boolean retainStacksOnAccountRemoval) {
    public StackSetSpec {
      parameters = Map.copyOf(parameters);
      tags = Map.copyOf(tags);
    }
  }

  /** A stack set as CloudFormation describes it. */
  record StackSet(
      String name,
      String id,
      String status,
      String templateBody,
      Map<String, String> parameters,
      Map<String, String> tags,
      boolean serviceManaged,
      boolean autoDeployment,
      boolean retainStacksOnAccountRemoval,
      List<String> organizationalUnitIds) {
    public StackSet {
      parameters = Map.copyOf(parameters);
      tags = Map.copyOf(tags);
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
    }
  }

  /**
   * How an operation rolls out: regions in parallel or sequentially; failure tolerance and maximum
   * concurrency, each a count or a percentage of accounts per region. Soft failure tolerance lets
   * concurrency exceed the tolerance. (Operation preferences do not apply to automatic
   * deployments.)
   */
  record OperationPreferences(
      boolean parallelRegions, Amount failureTolerance, Amount maxConcurrent, boolean soft) {
    public static OperationPreferences defaults() {
      return new OperationPreferences(
          true, Amount.percent(10), Amount.percent(25), /* soft= */ true);
    }
  }

  /** A count or a percentage. */
  record Amount(int value, boolean percentage) {
    public Amount {
      if (value < 0 || (percentage && value > 100)) {
        throw new IllegalArgumentException("not a count or percentage: " + value);
      }
    }

    public static Amount count(int value) {
      return new Amount(value, false);
    }

    public static Amount percent(int value) {
      return new Amount(value, true);
    }
  }

  /**
   * One stack instance: its status ({@code CURRENT}, {@code OUTDATED}, {@code INOPERABLE}), the
   * detailed status ({@code SUCCEEDED}, {@code FAILED}, {@code RUNNING}, ...), reason, and drift.
   */
  record StackInstance(
      String account,
      String region,
      String organizationalUnitId,
      String status,
      String detailedStatus,
      String statusReason,
      String driftStatus) {}

  /** An operation: {@code RUNNING}, {@code SUCCEEDED}, {@code FAILED}, {@code STOPPED}, ... */
  record Operation(String id, String action, String status, String statusReason, int failedCount) {
    public boolean done() {
      return switch (status) {
        case "SUCCEEDED", "FAILED", "STOPPED" -> true;
        default -> false;
      };
    }
  }

  /** One account and region of an operation, and CloudFormation's reason when it failed. */
  record OperationResult(String account, String region, String status, String statusReason) {}
}
