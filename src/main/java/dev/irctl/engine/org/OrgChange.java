package dev.irctl.engine.org;

import dev.irctl.engine.Change;
import dev.irctl.engine.ChangeAction;
import dev.irctl.engine.FieldDiff;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.MemberAccount;
import dev.irctl.engine.port.StackSetsPort.StackSetSpec;
import java.util.List;
import java.util.Map;

/** The changes org plans are made of; each carries what its applier needs. */
public sealed interface OrgChange extends Change {
  /** The region it happens in; StackSet changes name the administering region. */
  String region();

  /** Trusted access for a service principal (Organizations is global). */
  record EnableTrustedAccess(String servicePrincipal) implements OrgChange {
    public String region() {
      return "global";
    }

    public ChangeAction action() {
      return ChangeAction.CREATE;
    }

    public String resource() {
      return "trusted access " + servicePrincipal;
    }

    public String reason() {
      return "not enabled";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  /** GuardDuty's delegated administrator in one region. */
  record DesignateAdmin(String region, String accountId) implements OrgChange {
    public ChangeAction action() {
      return ChangeAction.CREATE;
    }

    public String resource() {
      return "guardduty delegated administrator " + accountId;
    }

    public String reason() {
      return "no delegated administrator";
    }

    public List<FieldDiff> diffs() {
      return List.of();
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

    public ChangeAction action() {
      return ChangeAction.UPDATE;
    }

    public String resource() {
      return "guardduty organization configuration";
    }

    public String reason() {
      return "auto-enable differs";
    }
  }

  /** Existing organization accounts made members now (not "within 24 hours"). */
  record CreateMembers(String region, String detectorId, List<MemberAccount> accounts)
      implements OrgChange {
    public CreateMembers {
      accounts = List.copyOf(accounts);
    }

    public ChangeAction action() {
      return ChangeAction.CREATE;
    }

    public String resource() {
      return "guardduty members (" + accounts.size() + " accounts)";
    }

    public String reason() {
      return "organization accounts not yet members";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  record CreateStackSet(String region, StackSetSpec spec) implements OrgChange {
    public ChangeAction action() {
      return ChangeAction.CREATE;
    }

    public String resource() {
      return "stack set " + spec.name();
    }

    public String reason() {
      return "no stack set";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  record UpdateStackSet(String region, StackSetSpec spec, List<FieldDiff> diffs)
      implements OrgChange {
    public UpdateStackSet {
      diffs = List.copyOf(diffs);
    }

    public ChangeAction action() {
      return ChangeAction.UPDATE;
    }

    public String resource() {
      return "stack set " + spec.name();
    }

    public String reason() {
      return diffs.stream().map(FieldDiff::field).reduce((a, b) -> a + ", " + b).orElse("")
          + " differ";
    }
  }

  /** Instances in every account of the OUs, in each region. */
  record CreateStackInstances(
      String region, String stackSet, List<String> organizationalUnitIds, List<String> regions)
      implements OrgChange {
    public CreateStackInstances {
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
      regions = List.copyOf(regions);
    }

    public ChangeAction action() {
      return ChangeAction.CREATE;
    }

    public String resource() {
      return "stack instances of "
          + stackSet
          + " in "
          + String.join(", ", organizationalUnitIds)
          + " x "
          + String.join(", ", regions);
    }

    public String reason() {
      return "no instances there";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  /**
   * Instances that failed or are outdated (a failed create or update), deployed again: the same
   * CreateStackInstances over their OUs and regions re-runs them to the stack set's template.
   */
  record RetryStackInstances(
      String region,
      String stackSet,
      List<String> organizationalUnitIds,
      List<String> regions,
      int instances)
      implements OrgChange {
    public RetryStackInstances {
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
      regions = List.copyOf(regions);
    }

    public ChangeAction action() {
      return ChangeAction.UPDATE;
    }

    public String resource() {
      return "stack instances of "
          + stackSet
          + " in "
          + String.join(", ", organizationalUnitIds)
          + " x "
          + String.join(", ", regions);
    }

    public String reason() {
      return instances + " instance(s) failed or outdated: deployed again";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  /** The hub bus's resource policy with irctl's organization statement merged in. */
  record PutHubBusPolicy(String region, String busArn, String policy, boolean replacing)
      implements OrgChange {
    public ChangeAction action() {
      return replacing ? ChangeAction.UPDATE : ChangeAction.CREATE;
    }

    public String resource() {
      return "hub bus policy statement " + HubBusPolicy.SID + " on " + busArn;
    }

    public String reason() {
      return replacing
          ? "the statement differs"
          : "members cannot put events to the hub bus without it";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  /** Members irctl made, disassociated and then deleted. */
  record RemoveMembers(String region, String detectorId, List<String> accountIds)
      implements OrgChange {
    public RemoveMembers {
      accountIds = List.copyOf(accountIds);
    }

    public ChangeAction action() {
      return ChangeAction.DELETE;
    }

    public String resource() {
      return "guardduty members irctl made (" + accountIds.size() + " accounts)";
    }

    public String reason() {
      return "org remove: disassociated, then deleted";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  /** Every instance of a stack set, deleted (stacks not retained). */
  record DeleteStackInstances(
      String region,
      String stackSet,
      List<String> organizationalUnitIds,
      List<String> regions,
      int instances)
      implements OrgChange {
    public DeleteStackInstances {
      organizationalUnitIds = List.copyOf(organizationalUnitIds);
      regions = List.copyOf(regions);
    }

    public ChangeAction action() {
      return ChangeAction.DELETE;
    }

    public String resource() {
      return "stack instances of " + stackSet + " (" + instances + ")";
    }

    public String reason() {
      return "org remove: instances go before their stack set";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  record DeleteStackSet(String region, String stackSet) implements OrgChange {
    public ChangeAction action() {
      return ChangeAction.DELETE;
    }

    public String resource() {
      return "stack set " + stackSet;
    }

    public String reason() {
      return "org remove";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }

  /** irctl's statement taken out of the hub bus policy; the others stay. */
  record RemoveHubBusStatement(String region, String busArn) implements OrgChange {
    public ChangeAction action() {
      return ChangeAction.DELETE;
    }

    public String resource() {
      return "hub bus policy statement " + HubBusPolicy.SID + " on " + busArn;
    }

    public String reason() {
      return "org remove";
    }

    public List<FieldDiff> diffs() {
      return List.of();
    }
  }
}
