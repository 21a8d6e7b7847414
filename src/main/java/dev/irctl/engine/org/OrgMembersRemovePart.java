package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.GuardDutyOrgPort;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.GuardDutyOrgPort.OrgConfiguration;
import dev.irctl.engine.port.GuardDutyOrgPort.Unprocessed;
import dev.irctl.engine.port.MemberLedgerPort;
import dev.irctl.engine.run.Applied;
import dev.irctl.engine.run.Fingerprint;
import dev.irctl.engine.run.Notes;
import dev.irctl.engine.run.Part;
import dev.irctl.engine.run.PartContext;
import dev.irctl.engine.run.PartPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Teardown of GuardDuty for the organization in one region, from the delegated administrator:
 * members' auto-enable set to {@code NONE} (which does not disable existing members), then the
 * members irctl made (its record, {@link MemberLedgerPort}) disassociated and deleted. Members
 * irctl did not make and the administrator's own detector are left alone and listed. Idempotent: a
 * second run finds nothing to do.
 */
public final class OrgMembersRemovePart implements Part {
  public static final String NAME = "org-members";

  public record Actual(AutoEnable members, List<String> memberIds, List<String> recorded) {}

  record Detail(String detectorId, List<String> remove, Set<String> stale) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public PartPlan plan(PartContext context) {
    String region = context.region();
    Optional<String> detectorId =
        context.ports().guardDuty(region).findDetector().map(Detector::id);
    if (detectorId.isEmpty()) {
      return new PartPlan(
          List.of(),
          new Actual(AutoEnable.NONE, List.of(), List.of()),
          "",
          new Notes(Map.of(), 0, List.of(), List.of(), List.of()),
          Optional.empty());
    }
    String id = detectorId.get();
    GuardDutyOrgPort port = context.ports().guardDutyOrg(region);
    OrgConfiguration config = port.describeOrganizationConfiguration(id);
    List<Member> members = port.listMembers(id);
    Set<String> recorded = context.ports().memberLedger(region).members();
    MemberPlanner.Removal removal = MemberPlanner.planRemoval(members, recorded);
    Set<String> stale = new LinkedHashSet<>(recorded);
    members.forEach(m -> stale.remove(m.accountId()));
    List<Change> changes = new ArrayList<>();
    if (config.members() != AutoEnable.NONE) {
      changes.add(
          new OrgChange.UpdateOrgConfiguration(
              region,
              id,
              AutoEnable.NONE,
              Map.of(),
              List.of(
                  dev.irctl.engine.FieldDiff.of(
                      "autoEnableOrganizationMembers", config.members(), AutoEnable.NONE))));
    }
    if (!removal.remove().isEmpty()) {
      changes.add(new OrgChange.RemoveMembers(region, id, removal.remove()));
    }
    List<String> warnings = new ArrayList<>();
    warnings.add("kept the administrator's own detector " + id);
    if (!removal.leftAlone().isEmpty()) {
      warnings.add(
          "left alone "
              + removal.leftAlone().size()
              + " member(s) irctl did not make: "
              + String.join(", ", removal.leftAlone()));
    }
    return new PartPlan(
        changes,
        new Actual(
            config.members(),
            members.stream().map(Member::accountId).sorted().toList(),
            recorded.stream().sorted().toList()),
        new Detail(id, removal.remove(), stale),
        new Notes(Map.of("detectorId", id), 0, List.of(), List.of(), warnings),
        Optional.empty());
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    Detail detail = (Detail) plan.detail();
    GuardDutyOrgPort port = context.ports().guardDutyOrg(context.region());
    MemberLedgerPort ledger = context.ports().memberLedger(context.region());
    int writes = 0;
    List<String> failures = new ArrayList<>();
    for (Change change : plan.changes()) {
      if (change instanceof OrgChange.UpdateOrgConfiguration update) {
        port.updateOrganizationConfiguration(detail.detectorId(), update.members(), Map.of());
        writes++;
      } else if (change instanceof OrgChange.RemoveMembers remove) {
        Set<String> refused = new LinkedHashSet<>();
        List<Unprocessed> out = port.disassociateMembers(detail.detectorId(), remove.accountIds());
        writes += batches(remove.accountIds().size());
        out.forEach(
            u -> {
              refused.add(u.accountId());
              failures.add("disassociate member " + u.accountId() + ": " + u.reason());
            });
        List<String> delete =
            remove.accountIds().stream().filter(a -> !refused.contains(a)).toList();
        if (!delete.isEmpty()) {
          port.deleteMembers(detail.detectorId(), delete)
              .forEach(
                  u -> {
                    refused.add(u.accountId());
                    failures.add("delete member " + u.accountId() + ": " + u.reason());
                  });
          writes += batches(delete.size());
        }
        Set<String> gone = new LinkedHashSet<>(detail.stale());
        delete.stream().filter(a -> !refused.contains(a)).forEach(gone::add);
        if (!gone.isEmpty()) {
          ledger.forget(gone);
          writes++;
        }
      }
    }
    return Applied.of(writes, failures);
  }

  private static int batches(int accounts) {
    int size = GuardDutyOrgPort.MAX_ACCOUNTS_PER_CALL;
    return (accounts + size - 1) / size;
  }

  @Override
  public JsonNode desired() {
    return Fingerprint.JSON.createObjectNode();
  }
}
