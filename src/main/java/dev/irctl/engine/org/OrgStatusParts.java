package dev.irctl.engine.org;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.GuardDutyOrgPort;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code org status} as read-only parts on the {@link dev.irctl.engine.run.Runner}, never a call
 * per account: the organization's accounts once per run (global, walked OU by OU in parallel by
 * {@link OrgAccounts}), and per region the administrator's detector with its members among those
 * accounts (GetMembers, 50 accounts a call, the calls side by side), and the member rules stack
 * set's instances in that region (one ListStackInstances filtered by region, so the regions page in
 * parallel). What they read goes to {@link OrgStatusMatrix}.
 */
public final class OrgStatusParts {
  public static final String ACCOUNTS = "org-accounts";
  public static final String MEMBERS = "org-members";
  public static final String INSTANCES = "org-instances";

  private final String stackSetName;
  private final String stackSetRegion;
  private volatile OrgPreflight.Caller caller;
  private volatile List<OrgAccount> accounts;

  /**
   * GetMembers calls at once per region. ListMembers' 50-member pages come one after another (20 in
   * a row for 1,000 accounts, the run's critical path); GetMembers batches of the walked accounts
   * do not depend on each other.
   */
  static final int MEMBER_CALLS_IN_FLIGHT = 10;

  /** The walk's outcome, empty when it failed; the regions' member reads wait for it. */
  private final CompletableFuture<Optional<List<OrgAccount>>> walked = new CompletableFuture<>();

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
    List<OrgAccount> list;
    try {
      list = new OrgAccounts().get(context.ports().organizations(), context.parallel());
    } catch (RuntimeException e) {
      walked.complete(Optional.empty());
      throw e;
    }
    accounts = list;
    walked.complete(Optional.of(list));
    return PartPlan.of(List.of(), list.size(), list.size(), Notes.none());
  }

  /**
   * The administrator's detector (read beside the walk), then its members among the walked active
   * accounts, GetMembers batches side by side. The matrix has a row only for the organization's
   * accounts, so a member outside it would not show either way. Without the account list (the walk
   * failed) the members are listed instead, associated or not, and the matrix is built from them.
   */
  private PartPlan readMembers(PartContext context) {
    String region = context.region();
    GuardDutyStatus detector = GuardDutyStatus.of(context.ports().guardDuty(region).findDetector());
    List<Member> list =
        detector.detectorId().isEmpty()
            ? List.of()
            : members(context, detector.detectorId().get(), Parallel.join(walked));
    detectors.put(region, detector);
    members.put(region, list);
    return PartPlan.of(List.of(), list.size(), detector, Notes.none());
  }

  private List<Member> members(
      PartContext context, String detectorId, Optional<List<OrgAccount>> walk) {
    GuardDutyOrgPort port = context.ports().guardDutyOrg(context.region());
    if (walk.isEmpty()) {
      return port.listMembers(detectorId);
    }
    List<String> ids =
        walk.get().stream()
            .filter(OrgAccount::active)
            .map(OrgAccount::id)
            .filter(id -> !id.equals(caller.adminAccountId()))
            .toList();
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += GuardDutyOrgPort.MAX_ACCOUNTS_PER_CALL) {
      batches.add(
          ids.subList(from, Math.min(ids.size(), from + GuardDutyOrgPort.MAX_ACCOUNTS_PER_CALL)));
    }
    List<Member> found = new ArrayList<>();
    context
        .parallel()
        .map(batches, MEMBER_CALLS_IN_FLIGHT, batch -> port.getMembers(detectorId, batch))
        .forEach(found::addAll);
    return List.copyOf(found);
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
