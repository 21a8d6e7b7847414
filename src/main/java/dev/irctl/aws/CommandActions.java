package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which adapters each command calls, so print-policy can grant exactly their declared actions. A
 * new command or adapter is one line here; the wire tests keep each adapter's ACTIONS true to what
 * it sends.
 */
public final class CommandActions {
  private static final Map<String, List<List<AwsAction>>> COMMANDS = new LinkedHashMap<>();

  /** Commands that only read: they get the read actions of their adapters, never the writes. */
  private static final Set<String> READ_ONLY = new java.util.HashSet<>();

  /**
   * Commands whose reads only serve their own writes (drill reads the queues it creates): left out
   * of {@code print-policy --read-only}, which stays on {@code *}.
   */
  private static final Set<String> READS_FOR_OWN_WRITES = Set.of("drill");

  /** The Organizations reads every org command run from the delegated admin makes. */
  private static final List<AwsAction> ORG_READS =
      only(
          OrganizationsAdapter.ACTIONS,
          "organizations:DescribeOrganization",
          "organizations:ListRoots",
          "organizations:ListOrganizationalUnitsForParent",
          "organizations:ListAccountsForParent",
          "organizations:DescribeOrganizationalUnit",
          "organizations:ListDelegatedAdministrators");

  private static final List<AwsAction> GUARDDUTY_ORG_MEMBERS =
      only(
          GuardDutyOrgAdapter.ACTIONS,
          "guardduty:DescribeOrganizationConfiguration",
          "guardduty:UpdateOrganizationConfiguration",
          "guardduty:ListMembers",
          "guardduty:CreateMembers");

  private static final List<AwsAction> GUARDDUTY_ORG_REMOVE =
      only(
          GuardDutyOrgAdapter.ACTIONS,
          "guardduty:DescribeOrganizationConfiguration",
          "guardduty:UpdateOrganizationConfiguration",
          "guardduty:ListMembers",
          "guardduty:DisassociateMembers",
          "guardduty:DeleteMembers");

  private static final List<AwsAction> STACK_SETS_APPLY =
      only(
          StackSetsAdapter.ACTIONS,
          "cloudformation:DescribeOrganizationsAccess",
          "cloudformation:DescribeStackSet",
          "cloudformation:CreateStackSet",
          "cloudformation:UpdateStackSet",
          "cloudformation:TagResource",
          "cloudformation:CreateStackInstances",
          "cloudformation:ListStackInstances",
          "cloudformation:DescribeStackSetOperation",
          "cloudformation:ListStackSetOperationResults",
          // The administrator's own instances an earlier irctl deployed, deleted.
          "cloudformation:DeleteStackInstances");

  private static final List<AwsAction> STACK_SETS_REMOVE =
      only(
          StackSetsAdapter.ACTIONS,
          "cloudformation:DescribeOrganizationsAccess",
          "cloudformation:DescribeStackSet",
          "cloudformation:ListStackInstances",
          "cloudformation:DescribeStackSetOperation",
          "cloudformation:ListStackSetOperationResults",
          "cloudformation:DeleteStackInstances",
          "cloudformation:DeleteStackSet");

  /** plan and apply: enable-guardduty's, apply-rules' and install-policy's adapters together. */
  private static final List<AwsAction>[] ALL_PARTS =
      all(
          GuardDutyAdapter.ACTIONS,
          EventBridgeAdapter.ACTIONS,
          SnsAdapter.ACTIONS,
          KmsAdapter.ACTIONS,
          LogGroupAdapter.ACTIONS,
          CloudWatchMetricsAdapter.ACTIONS,
          IamAdapter.ACTIONS,
          AccountAdapter.ACTIONS,
          RegionDirectoryAdapter.ACTIONS,
          EventBridgeAdapter.FORWARDING_ACTIONS,
          ForwarderRoleAdapter.APPLY_ACTIONS);

  static {
    command("enable-guardduty", GuardDutyAdapter.ACTIONS, RegionDirectoryAdapter.ACTIONS);
    command("install-policy", IamAdapter.ACTIONS, AccountAdapter.ACTIONS);
    // Only --guardduty-admin without --account-id calls AWS.
    command("print-policy", AccountAdapter.ACTIONS);
    command(
        "apply-rules",
        EventBridgeAdapter.ACTIONS,
        SnsAdapter.ACTIONS,
        KmsAdapter.ACTIONS,
        LogGroupAdapter.ACTIONS,
        CloudWatchMetricsAdapter.ACTIONS,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS,
        // --hub-region: the forwarder role, and handing it to the forwarder rules' targets.
        EventBridgeAdapter.FORWARDING_ACTIONS,
        ForwarderRoleAdapter.APPLY_ACTIONS);
    command(
        "remove-rules",
        EventBridgeAdapter.ACTIONS,
        SnsAdapter.ACTIONS,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS,
        // The forwarder role, deleted once no forwarder is left in any region.
        ForwarderRoleAdapter.REMOVE_ACTIONS);
    // init offers the caller as deployerPrincipalArns: one sts:GetCallerIdentity.
    command("init", AccountAdapter.ACTIONS);
    READ_ONLY.add("init");
    command("apply", ALL_PARTS);
    command("plan", ALL_PARTS);
    READ_ONLY.add("plan");
    command(
        "status",
        GuardDutyAdapter.ACTIONS,
        EventBridgeAdapter.ACTIONS,
        SnsAdapter.ACTIONS,
        KmsAdapter.ACTIONS,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS,
        SnsSubscriptionAdapter.ACTIONS,
        CloudWatchMetricsAdapter.ACTIONS,
        LogGroupAdapter.ACTIONS,
        CloudTrailAdapter.ACTIONS,
        // --hub-region: the forwarder role's trust and permission documents.
        ForwarderRoleAdapter.APPLY_ACTIONS);
    READ_ONLY.add("status");
    // status' delivery column runs the same checks: doctor is status' reads of the alert path.
    command(
        "doctor",
        EventBridgeAdapter.ACTIONS,
        SnsAdapter.ACTIONS,
        KmsAdapter.ACTIONS,
        SnsSubscriptionAdapter.ACTIONS,
        CloudWatchMetricsAdapter.ACTIONS,
        LogGroupAdapter.ACTIONS,
        CloudTrailAdapter.ACTIONS,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS);
    READ_ONLY.add("doctor");
    // drill writes only its irctl-drill-* queues, their subscription and the sample finding.
    command(
        "drill",
        reads(EventBridgeAdapter.ACTIONS),
        EventBridgeAdapter.DRILL_ACTIONS,
        SqsQueueAdapter.ACTIONS,
        SnsSubscriptionAdapter.ACTIONS,
        SampleFindingsAdapter.ACTIONS,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS);
    // org delegate, from the management account: trusted access and the delegated admin.
    command(
        "org-delegate",
        only(
            OrganizationsAdapter.ACTIONS,
            "organizations:DescribeOrganization",
            "organizations:ListAWSServiceAccessForOrganization",
            "organizations:EnableAWSServiceAccess"),
        only(
            GuardDutyOrgAdapter.ACTIONS,
            "guardduty:ListOrganizationAdminAccounts",
            "guardduty:EnableOrganizationAdminAccount"),
        GuardDutyOrgAdapter.ENABLE_ADMIN_DEPENDENCIES,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS);
    // org status, from the delegated admin: one list per region and service, never per account.
    command(
        "org-status",
        only(
            OrganizationsAdapter.ACTIONS,
            "organizations:DescribeOrganization",
            "organizations:ListDelegatedAdministrators",
            // The account list, walked OU by OU in parallel (one listing's 20-account pages
            // would be the run's critical path).
            "organizations:ListRoots",
            "organizations:ListOrganizationalUnitsForParent",
            "organizations:ListAccountsForParent"),
        only(GuardDutyAdapter.ACTIONS, "guardduty:ListDetectors", "guardduty:GetDetector"),
        // GetMembers for the walked accounts; ListMembers when the walk failed.
        only(GuardDutyOrgAdapter.ACTIONS, "guardduty:GetMembers", "guardduty:ListMembers"),
        only(StackSetsAdapter.ACTIONS, "cloudformation:ListStackInstances"),
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS);
    READ_ONLY.add("org-status");
  }

  /**
   * org plan and org apply, from GuardDuty's delegated administrator: the admin's detector, the
   * organization reads, the organization configuration and members, irctl's record of the members
   * it made, the hub bus policy and the member stack sets.
   */
  private static final List<AwsAction>[] ORG_APPLY =
      all(
          GuardDutyAdapter.ACTIONS,
          ORG_READS,
          GUARDDUTY_ORG_MEMBERS,
          MemberLedgerAdapter.ACTIONS,
          EventBridgeAdapter.HUB_POLICY_ACTIONS,
          STACK_SETS_APPLY,
          AccountAdapter.ACTIONS,
          RegionDirectoryAdapter.ACTIONS);

  static {
    command("org-apply", ORG_APPLY);
    command("org-plan", ORG_APPLY);
    READ_ONLY.add("org-plan");
    command(
        "org-remove",
        reads(GuardDutyAdapter.ACTIONS),
        ORG_READS,
        GUARDDUTY_ORG_REMOVE,
        MemberLedgerAdapter.ACTIONS,
        EventBridgeAdapter.HUB_POLICY_ACTIONS,
        STACK_SETS_REMOVE,
        AccountAdapter.ACTIONS,
        RegionDirectoryAdapter.ACTIONS);
  }

  private CommandActions() {}

  /** The named actions of an adapter; a name the adapter does not declare is a bug here. */
  private static List<AwsAction> only(List<AwsAction> adapter, String... names) {
    List<AwsAction> picked = new ArrayList<>();
    for (String name : names) {
      picked.add(
          adapter.stream()
              .filter(a -> a.name().equals(name))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException(name + " is not declared")));
    }
    return picked;
  }

  /** An adapter's read actions only, for a command that calls none of its writes. */
  private static List<AwsAction> reads(List<AwsAction> adapter) {
    return adapter.stream().filter(a -> !a.write()).toList();
  }

  @SafeVarargs
  private static List<AwsAction>[] all(List<AwsAction>... adapters) {
    return adapters;
  }

  @SafeVarargs
  private static void command(String name, List<AwsAction>... adapters) {
    COMMANDS.put(name, List.of(adapters));
  }

  /** The commands that call AWS, in the order above. */
  public static Set<String> commands() {
    return COMMANDS.keySet();
  }

  /** The commands whose reads make up {@code print-policy --read-only}. */
  public static Set<String> readOnlyCommands() {
    Set<String> commands = new java.util.LinkedHashSet<>(COMMANDS.keySet());
    commands.removeAll(READS_FOR_OWN_WRITES);
    return commands;
  }

  /**
   * Every action the command's adapters declare (possibly with repeats across adapters); reads only
   * for plan, status.
   */
  public static List<AwsAction> actions(String command) {
    List<List<AwsAction>> adapters = COMMANDS.get(command);
    if (adapters == null) {
      throw new IllegalArgumentException("unknown command: " + command);
    }
    List<AwsAction> actions = new ArrayList<>();
    adapters.forEach(actions::addAll);
    return READ_ONLY.contains(command)
        ? actions.stream().filter(a -> !a.write()).toList()
        : actions;
  }
}
