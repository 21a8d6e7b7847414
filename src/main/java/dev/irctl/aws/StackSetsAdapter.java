package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.StackSetsPort;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.AccountFilterType;
import software.amazon.awssdk.services.cloudformation.model.AutoDeployment;
import software.amazon.awssdk.services.cloudformation.model.Capability;
import software.amazon.awssdk.services.cloudformation.model.ConcurrencyMode;
import software.amazon.awssdk.services.cloudformation.model.DeploymentTargets;
import software.amazon.awssdk.services.cloudformation.model.ListStackInstancesRequest;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.PermissionModels;
import software.amazon.awssdk.services.cloudformation.model.RegionConcurrencyType;
import software.amazon.awssdk.services.cloudformation.model.StackInstanceSummary;
import software.amazon.awssdk.services.cloudformation.model.StackSetNotFoundException;
import software.amazon.awssdk.services.cloudformation.model.StackSetOperationPreferences;
import software.amazon.awssdk.services.cloudformation.model.Tag;

/**
 * {@link StackSetsPort} over the SDK's CloudFormation client in the administering region. Stack
 * sets are service-managed (Organizations deploys them; no administration or execution roles), and
 * their template creates the named role {@code irctl-event-forwarder}, hence {@code
 * CAPABILITY_NAMED_IAM}.
 */
final class StackSetsAdapter implements StackSetsPort {
  /** The IAM actions this adapter calls; writes only on {@code irctl-*} stack sets. */
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("cloudformation:DescribeOrganizationsAccess"),
          AwsAction.write("cloudformation:ActivateOrganizationsAccess"),
          AwsAction.read("cloudformation:DescribeStackSet"),
          AwsAction.write("cloudformation:CreateStackSet").scopedTo(OrgScopes.IRCTL_STACK_SETS),
          AwsAction.write("cloudformation:UpdateStackSet").scopedTo(OrgScopes.IRCTL_STACK_SETS),
          // Creating a stack set with tags is also authorised as TagResource.
          AwsAction.write("cloudformation:TagResource").scopedTo(OrgScopes.IRCTL_STACK_SETS),
          AwsAction.write("cloudformation:CreateStackInstances")
              .scopedTo(OrgScopes.IRCTL_STACK_SETS),
          AwsAction.read("cloudformation:ListStackInstances"),
          AwsAction.read("cloudformation:DescribeStackSetOperation"),
          AwsAction.read("cloudformation:ListStackSetOperationResults"),
          AwsAction.write("cloudformation:DeleteStackInstances")
              .scopedTo(OrgScopes.IRCTL_STACK_SETS),
          AwsAction.write("cloudformation:DeleteStackSet").scopedTo(OrgScopes.IRCTL_STACK_SETS));

  private final CloudFormationClient client;
  private final CallAs callAs;

  StackSetsAdapter(CloudFormationClient client, CallAs callAs) {
    this.client = client;
    this.callAs = callAs;
  }

  private String callAs() {
    return callAs.name();
  }

  @Override
  public OrganizationsAccess organizationsAccess() {
    String status =
        AwsCalls.call(
                "cloudformation:DescribeOrganizationsAccess",
                () -> client.describeOrganizationsAccess(b -> b.callAs(callAs())))
            .statusAsString();
    try {
      return OrganizationsAccess.valueOf(status);
    } catch (IllegalArgumentException | NullPointerException e) {
      return OrganizationsAccess.DISABLED;
    }
  }

  @Override
  public void activateOrganizationsAccess() {
    AwsCalls.run(
        "cloudformation:ActivateOrganizationsAccess",
        () -> client.activateOrganizationsAccess(b -> {}));
  }

  @Override
  public Optional<StackSet> describeStackSet(String name) {
    return AwsCalls.absentIf(
            AwsCalls.causedBy(StackSetNotFoundException.class),
            () ->
                AwsCalls.call(
                        "cloudformation:DescribeStackSet",
                        () -> client.describeStackSet(b -> b.stackSetName(name).callAs(callAs())))
                    .stackSet())
        .filter(set -> !"DELETED".equals(set.statusAsString()))
        .map(StackSetsAdapter::stackSet);
  }

  private static StackSet stackSet(
      software.amazon.awssdk.services.cloudformation.model.StackSet set) {
    Map<String, String> parameters = new LinkedHashMap<>();
    set.parameters().forEach(p -> parameters.put(p.parameterKey(), p.parameterValue()));
    Map<String, String> tags = new LinkedHashMap<>();
    set.tags().forEach(t -> tags.put(t.key(), t.value()));
    AutoDeployment auto = set.autoDeployment();
    return new StackSet(
        set.stackSetName(),
        set.stackSetId(),
        set.statusAsString(),
        set.templateBody(),
        parameters,
        tags,
        set.permissionModel() == PermissionModels.SERVICE_MANAGED,
        auto != null && Boolean.TRUE.equals(auto.enabled()),
        auto != null && Boolean.TRUE.equals(auto.retainStacksOnAccountRemoval()),
        set.organizationalUnitIds());
  }

  @Override
  public void createStackSet(StackSetSpec spec) {
    AwsCalls.run(
        "cloudformation:CreateStackSet",
        () ->
            client.createStackSet(
                b ->
                    b.stackSetName(spec.name())
                        .description(spec.description())
                        .templateBody(spec.templateBody())
                        .parameters(parameters(spec.parameters()))
                        .tags(tags(spec.tags()))
                        .capabilities(Capability.CAPABILITY_NAMED_IAM)
                        .permissionModel(PermissionModels.SERVICE_MANAGED)
                        .autoDeployment(autoDeployment(spec))
                        .managedExecution(m -> m.active(true))
                        .callAs(callAs())));
  }

  @Override
  public String updateStackSet(StackSetSpec spec, OperationPreferences preferences) {
    return AwsCalls.call(
            "cloudformation:UpdateStackSet",
            () ->
                client.updateStackSet(
                    b ->
                        b.stackSetName(spec.name())
                            .description(spec.description())
                            .templateBody(spec.templateBody())
                            .parameters(parameters(spec.parameters()))
                            .tags(tags(spec.tags()))
                            .capabilities(Capability.CAPABILITY_NAMED_IAM)
                            .permissionModel(PermissionModels.SERVICE_MANAGED)
                            .autoDeployment(autoDeployment(spec))
                            .operationPreferences(preferences(preferences))
                            .callAs(callAs())))
        .operationId();
  }

  @Override
  public String createStackInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> excludedAccounts,
      List<String> regions,
      OperationPreferences preferences) {
    return AwsCalls.call(
            "cloudformation:CreateStackInstances",
            () ->
                client.createStackInstances(
                    b ->
                        b.stackSetName(name)
                            .deploymentTargets(targets(organizationalUnitIds, excludedAccounts))
                            .regions(regions)
                            .operationPreferences(preferences(preferences))
                            .callAs(callAs())))
        .operationId();
  }

  /**
   * The OUs' accounts less the excluded ones: AccountFilterType DIFFERENCE with Accounts (valid for
   * CreateStackInstances with OrganizationalUnitIds; UNION is not). Without exclusions no filter is
   * sent, so CloudFormation deploys to every account of the OUs.
   */
  private static DeploymentTargets targets(
      List<String> organizationalUnitIds, List<String> excludedAccounts) {
    if (excludedAccounts.isEmpty()) {
      return targets(organizationalUnitIds);
    }
    return DeploymentTargets.builder()
        .organizationalUnitIds(organizationalUnitIds)
        .accountFilterType(AccountFilterType.DIFFERENCE)
        .accounts(excludedAccounts)
        .build();
  }

  @Override
  public List<StackInstance> listStackInstances(String name) {
    return instances(b -> b.stackSetName(name));
  }

  @Override
  public Optional<List<StackInstance>> stackInstancesIn(String name, String region) {
    return AwsCalls.absentIf(
        AwsCalls.causedBy(StackSetNotFoundException.class),
        () -> instances(b -> b.stackSetName(name).stackInstanceRegion(region)));
  }

  /** ListStackInstances, every page, of the request {@code request} fills (callAs added). */
  private List<StackInstance> instances(Consumer<ListStackInstancesRequest.Builder> request) {
    return AwsCalls.list(
        "cloudformation:ListStackInstances",
        () ->
            client.listStackInstancesPaginator(b -> request.accept(b.callAs(callAs()))).summaries(),
        StackSetsAdapter::instance);
  }

  private static StackInstance instance(StackInstanceSummary s) {
    return new StackInstance(
        s.account(),
        s.region(),
        s.organizationalUnitId(),
        s.statusAsString(),
        s.stackInstanceStatus() == null ? null : s.stackInstanceStatus().detailedStatusAsString(),
        s.statusReason(),
        s.driftStatusAsString());
  }

  @Override
  public Operation describeOperation(String name, String operationId) {
    var operation =
        AwsCalls.call(
                "cloudformation:DescribeStackSetOperation",
                () ->
                    client.describeStackSetOperation(
                        b -> b.stackSetName(name).operationId(operationId).callAs(callAs())))
            .stackSetOperation();
    Integer failed =
        operation.statusDetails() == null
            ? null
            : operation.statusDetails().failedStackInstancesCount();
    return new Operation(
        operation.operationId(),
        operation.actionAsString(),
        operation.statusAsString(),
        operation.statusReason(),
        failed == null ? 0 : failed);
  }

  @Override
  public List<OperationResult> operationResults(String name, String operationId) {
    return AwsCalls.list(
        "cloudformation:ListStackSetOperationResults",
        () ->
            client
                .listStackSetOperationResultsPaginator(
                    b -> b.stackSetName(name).operationId(operationId).callAs(callAs()))
                .summaries(),
        r -> new OperationResult(r.account(), r.region(), r.statusAsString(), r.statusReason()));
  }

  @Override
  public String deleteStackInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> regions,
      OperationPreferences preferences) {
    return delete(name, targets(organizationalUnitIds), regions, preferences);
  }

  /**
   * INTERSECTION: only the listed accounts that belong to the OUs (AWS's DeploymentTargets), so an
   * OU's other accounts keep their instances.
   */
  @Override
  public String deleteAccountInstances(
      String name,
      List<String> organizationalUnitIds,
      List<String> accounts,
      List<String> regions,
      OperationPreferences preferences) {
    return delete(
        name,
        DeploymentTargets.builder()
            .organizationalUnitIds(organizationalUnitIds)
            .accountFilterType(AccountFilterType.INTERSECTION)
            .accounts(accounts)
            .build(),
        regions,
        preferences);
  }

  /** Service-managed: DeploymentTargets, never the self-managed Accounts; stacks not retained. */
  private String delete(
      String name,
      DeploymentTargets targets,
      List<String> regions,
      OperationPreferences preferences) {
    return AwsCalls.call(
            "cloudformation:DeleteStackInstances",
            () ->
                client.deleteStackInstances(
                    b ->
                        b.stackSetName(name)
                            .deploymentTargets(targets)
                            .regions(regions)
                            .retainStacks(false)
                            .operationPreferences(preferences(preferences))
                            .callAs(callAs())))
        .operationId();
  }

  @Override
  public void deleteStackSet(String name) {
    AwsCalls.run(
        "cloudformation:DeleteStackSet",
        () -> client.deleteStackSet(b -> b.stackSetName(name).callAs(callAs())));
  }

  private static DeploymentTargets targets(List<String> organizationalUnitIds) {
    return DeploymentTargets.builder().organizationalUnitIds(organizationalUnitIds).build();
  }

  private static AutoDeployment autoDeployment(StackSetSpec spec) {
    return AutoDeployment.builder()
        .enabled(spec.autoDeployment())
        .retainStacksOnAccountRemoval(spec.retainStacksOnAccountRemoval())
        .build();
  }

  static StackSetOperationPreferences preferences(OperationPreferences p) {
    StackSetOperationPreferences.Builder b =
        StackSetOperationPreferences.builder()
            .regionConcurrencyType(
                p.parallelRegions()
                    ? RegionConcurrencyType.PARALLEL
                    : RegionConcurrencyType.SEQUENTIAL)
            .concurrencyMode(
                p.soft()
                    ? ConcurrencyMode.SOFT_FAILURE_TOLERANCE
                    : ConcurrencyMode.STRICT_FAILURE_TOLERANCE);
    if (p.failureTolerance().percentage()) {
      b.failureTolerancePercentage(p.failureTolerance().value());
    } else {
      b.failureToleranceCount(p.failureTolerance().value());
    }
    if (p.maxConcurrent().percentage()) {
      b.maxConcurrentPercentage(p.maxConcurrent().value());
    } else {
      b.maxConcurrentCount(p.maxConcurrent().value());
    }
    return b.build();
  }

  private static List<Parameter> parameters(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> Parameter.builder().parameterKey(e.getKey()).parameterValue(e.getValue()).build())
        .toList();
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
