package dev.irctl.engine.org;

import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.run.NamedRead;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import dev.irctl.engine.run.ReadPart;
import dev.irctl.engine.status.GuardDutyStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code org status} as read-only parts on the {@link dev.irctl.engine.run.Runner}, each one list
 * call (paginated) and never a call per account: the organization's accounts once per run (global,
 * walked OU by OU in parallel by {@link OrgAccounts}), and per region the administrator's detector
 * with one ListMembers, and the member rules stack set's instances in that region (one
 * ListStackInstances filtered by region, so the regions page in parallel). What they read goes to
 * {@link OrgStatusMatrix}.
 */
public final class OrgStatusParts {
  public static final String ACCOUNTS = "org-accounts";
  public static final String MEMBERS = "org-members";
  public static final String INSTANCES = "org-instances";

  private final String stackSetName;
  private final String stackSetRegion;
  private volatile OrgPreflight.Caller caller;
  private volatile List<OrgAccount> accounts;
  private final Map<String, GuardDutyStatus> detectors = new ConcurrentHashMap<>();
  private final Map<String, List<Member>> members = new ConcurrentHashMap<>();
  private final Map<String, Optional<List<StackInstance>>> instances = new ConcurrentHashMap<>();

  public OrgStatusParts(String stackSetName, String stackSetRegion) {
    this.stackSetName = stackSetName;
    this.stackSetRegion = stackSetRegion;
  }

  /** Set by the pre-flight, before any part runs. */
  public void caller(OrgPreflight.Caller caller) {
    this.caller = caller;
  }

  public OrgPreflight.Caller caller() {
    return caller;
  }

  public String stackSetName() {
    return stackSetName;
  }

  public String stackSetRegion() {
    return stackSetRegion;
  }

  public List<ReadPart> parts() {
    return List.of(
        NamedRead.once(ACCOUNTS, this::readAccounts),
        NamedRead.regional(MEMBERS, this::readMembers),
        NamedRead.regional(INSTANCES, this::readInstances));
  }

  /** The matrix of what was read; regions whose reads failed have no entry. */
  public OrgStatusMatrix matrix(List<String> regions) {
    return OrgStatusMatrix.of(
        caller.adminAccountId(),
        caller.organization().managementAccountId(),
        Optional.ofNullable(accounts),
        regions,
        Map.copyOf(detectors),
        Map.copyOf(members),
        Map.copyOf(instances));
  }

  private PartPlan readAccounts(PartContext context) {
    List<OrgAccount> list =
        new OrgAccounts().get(context.ports().organizations(), context.parallel());
    accounts = list;
    return PartPlan.of(List.of(), list.size(), list.size(), Notes.none());
  }

  /** The administrator's detector, and its members (associated or not) in one paginated list. */
  private PartPlan readMembers(PartContext context) {
    String region = context.region();
    GuardDutyStatus detector = GuardDutyStatus.of(context.ports().guardDuty(region).findDetector());
    List<Member> list =
        detector.detectorId().isEmpty()
            ? List.of()
            : context.ports().guardDutyOrg(region).listMembers(detector.detectorId().get());
    detectors.put(region, detector);
    members.put(region, list);
    return PartPlan.of(List.of(), list.size(), detector, Notes.none());
  }

  private PartPlan readInstances(PartContext context) {
    StackSetsPort.CallAs callAs =
        caller.management() ? StackSetsPort.CallAs.SELF : StackSetsPort.CallAs.DELEGATED_ADMIN;
    Optional<List<StackInstance>> list =
        context
            .ports()
            .stackSets(stackSetRegion, callAs)
            .stackInstancesIn(stackSetName, context.region());
    instances.put(context.region(), list);
    return PartPlan.of(List.of(), list.map(List::size).orElse(-1), "", Notes.none());
  }
}
