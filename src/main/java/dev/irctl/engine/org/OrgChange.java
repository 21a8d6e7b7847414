package dev.irctl.engine.org;

import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.org.StackSetPlanner.Targets;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.MemberAccount;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import java.util.List;
import java.util.Map;

/** The changes org plans are made of; each carries what its applier needs. */
public sealed interface OrgChange extends Change.Described {
  /** The region it happens in; StackSet changes name the administering region. */
  String region();

  /** Trusted access for a service principal (Organizations is global). */
  record EnableTrustedAccess(String servicePrincipal) implements OrgChange {
    public String region() {
      return "global";
    }

    public Description describe() {
      return Description.create("trusted access " + servicePrincipal, "not enabled");
    }
  }

  /** GuardDuty's delegated administrator in one region. */
  record DesignateAdmin(String region, String accountId) implements OrgChange {
    public Description describe() {
      return Description.create(
          "guardduty delegated administrator " + accountId, "no delegated administrator");
    }
  }

  /** The organization configuration: members' and named features' auto-enable. */
  record UpdateOrgConfiguration(
      String region,
      String detectorId,
      AutoEnable members,
      Map<String, AutoEnable> features,
      List<FieldDiff> diffs)
      implements OrgChange {
    public UpdateOrgConfiguration {
      features = Map.copyOf(features);
      diffs = List.copyOf(diffs);
    }

    public Description describe() {
      return Description.update(
          "guardduty organization configuration", "auto-enable differs", diffs);
    }
  }

  /** Existing organization accounts made members now (not "within 24 hours"). */
  record CreateMembers(String region, String detectorId, List<MemberAccount> accounts)
      implements OrgChange {
    public CreateMembers {
      accounts = List.copyOf(accounts);
    }

    public Description describe() {
      return Description.create(
          "guardduty members (" + accounts.size() + " accounts)",
          "organization accounts not yet members");
    }
  }

  record CreateStackSet(String region, StackSetSpec spec) implements OrgChange {
    public Description describe() {
      return Description.create("stack set " + spec.name(), "no stack set");
    }
  }

  record UpdateStackSet(String region, StackSetSpec spec, List<FieldDiff> diffs)
      implements OrgChange {
    public UpdateStackSet {
      diffs = List.copyOf(diffs);
    }

    public Description describe() {
      String fields =
          diffs.stream().map(FieldDiff::field).reduce((a, b) -> a + ", " + b).orElse("");
      return Description.update("stack set " + spec.name(), fields + " differ", diffs);
    }
  }

  /**
   * One CreateStackInstances call over OUs and regions: new instances, or failed and outdated ones
   * deployed again (the same call retries them), so the applier carries both out alike.
   */
  sealed interface InstanceDeployment extends OrgChange {
    String stackSet();

    Targets targets();
  }

  /** Instances in every account of the OUs, in each region. */
  record CreateStackInstances(String region, String stackSet, Targets targets)
      implements InstanceDeployment {
    public Description describe() {
      return Description.create(instancesIn(stackSet, targets), "no instances there");
    }
  }

  /**
   * Instances that failed or are outdated (a failed create or update), deployed again: the same
   * CreateStackInstances over their OUs and regions re-runs them to the stack set's template.
   */
  record RetryStackInstances(String region, String stackSet, Targets targets, int instances)
      implements InstanceDeployment {
    public Description describe() {
      return Description.update(
          instancesIn(stackSet, targets),
          instances + " instance(s) failed or outdated: deployed again");
    }
  }

  /** The hub bus's resource policy with irctl's organization statement merged in. */
  record PutHubBusPolicy(String region, String busArn, String policy, boolean replacing)
      implements OrgChange {
    public Description describe() {
      return new Description(
          replacing ? ChangeAction.UPDATE : ChangeAction.CREATE,
          hubStatement(busArn),
          replacing
              ? "the statement differs"
              : "members cannot put events to the hub bus without it");
    }
  }

  /** Members irctl made, disassociated and then deleted. */
  record RemoveMembers(String region, String detectorId, List<String> accountIds)
      implements OrgChange {
    public RemoveMembers {
      accountIds = List.copyOf(accountIds);
    }

    public Description describe() {
      return Description.delete(
          "guardduty members irctl made (" + accountIds.size() + " accounts)",
          "org remove: disassociated, then deleted");
    }
  }

  /** Every instance of a stack set, deleted (stacks not retained). */
  record DeleteStackInstances(String region, String stackSet, Targets targets, int instances)
      implements OrgChange {

    public Description describe() {
      return Description.delete(
          "stack instances of " + stackSet + " (" + instances + ")",
          "org remove: instances go before their stack set");
    }
  }

  /**
   * The instances a stack set has in accounts irctl now leaves out (the delegated administrator,
   * deployed to by an irctl from before the exclusion), deleted with their stacks: only those
   * accounts, through the OUs they were deployed from.
   */
  record DeleteExcludedInstances(
      String region,
      String stackSet,
      List<String> accounts,
      List<String> organizationalUnitIds,
      List<String> regions,
      int instances)
      implements OrgChange {
    public DeleteExcludedInstances {
      accounts = List.copyOf(accounts);
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
      regions = List.copyOf(regions);
    }

    public Description describe() {
      return Description.delete(
          "stack instances of "
              + stackSet
              + " in "
              + String.join(", ", accounts)
              + " ("
              + instances
              + ")",
          "account now left out of the stack set: deployed by an earlier irctl");
    }
  }

  record DeleteStackSet(String region, String stackSet) implements OrgChange {
    public Description describe() {
      return Description.delete("stack set " + stackSet, "org remove");
    }
  }

  /** irctl's statement taken out of the hub bus policy; the others stay. */
  record RemoveHubBusStatement(String region, String busArn) implements OrgChange {
    public Description describe() {
      return Description.delete(hubStatement(busArn), "org remove");
    }
  }

  private static String instancesIn(String stackSet, Targets targets) {
    return "stack instances of "
        + stackSet
        + " in "
        + String.join(", ", targets.organizationalUnitIds())
        + " x "
        + String.join(", ", targets.regions());
  }

  private static String hubStatement(String busArn) {
    return "hub bus policy statement " + HubBusPolicy.SID + " on " + busArn;
  }
}
