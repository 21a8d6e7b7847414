package dev.irctl.engine.org;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.irctl.engine.Change;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.PlanConflictException;
import dev.irctl.engine.guardduty.GuardDutyPart;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.GuardDutyOrgPort;
import dev.irctl.engine.port.GuardDutyOrgPort.AutoEnable;
import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.GuardDutyOrgPort.OrgConfiguration;
import dev.irctl.engine.port.GuardDutyOrgPort.Unprocessed;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
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
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * GuardDuty for the whole organization in one region, run from the delegated administrator: the
 * organization configuration (members' auto-enable {@code ALL} or {@code NEW}, and the named
 * features' auto-enable) and {@code CreateMembers} for active organization accounts that are not
 * members yet, so coverage is real now and not "within 24 hours". Suspended and closed accounts are
 * skipped and listed. It runs after the {@code guardduty} part in the same region (the admin's own
 * detector); the organization's account list is read once per run and shared by the regions.
 */
public final class OrgMembersPart implements Part {
  public static final String NAME = "org-members";

  /** Said in every plan: why the finding rules are not deployed to members. */
  public static final String FINDINGS_NOTE =
      "GuardDuty finding rules run in this administrator account only: members' findings reach its"
          + " EventBridge in each region";

  private final OrgConfigurationPlanner.Desired desired;
  private final OrgAccounts accounts;

  public OrgMembersPart(OrgConfigurationPlanner.Desired desired, OrgAccounts accounts) {
    if (desired.members() == AutoEnable.NONE) {
      throw new IllegalArgumentException("org apply turns members' auto-enable on (ALL or NEW)");
    }
    this.desired = desired;
    this.accounts = accounts;
  }

  /**
   * What the plan saw, without the detector id: a plan made before the admin's detector existed
   * still matches the state right after the {@code guardduty} part created it.
   */
  public record Actual(
      AutoEnable members,
      Map<String, AutoEnable> features,
      List<String> memberStatus,
      List<String> accounts) {}

  /** The plan's detail: the detector the changes go to (empty: none yet) and the plan itself. */
  record Detail(Optional<String> detectorId, MemberPlanner.MemberPlan members) {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<String> after() {
    return Set.of(GuardDutyPart.NAME);
  }

  @Override
  public PartPlan plan(PartContext context) {
    String region = context.region();
    Parallel parallel = context.parallel();
    // The reads run side by side: the account walk (shared by the regions; the first region
    // starts it) needs no detector, and the configuration and the member pages need only its id.
    CompletableFuture<List<OrgAccount>> walk =
        parallel.fork(() -> accounts.get(context.ports().organizations(), parallel));
    Optional<String> detectorId =
        context.ports().guardDuty(region).findDetector().map(Detector::id);
    GuardDutyOrgPort port = context.ports().guardDutyOrg(region);
    CompletableFuture<OrgConfiguration> configRead =
        parallel.fork(
            () ->
                detectorId
                    .map(port::describeOrganizationConfiguration)
                    .orElse(new OrgConfiguration(AutoEnable.NONE, Map.of(), false)));
    List<Member> members = detectorId.map(port::listMembers).orElse(List.of());
    OrgConfiguration config = Parallel.join(configRead);
    List<OrgAccount> all = Parallel.join(walk);
    String pending = detectorId.orElse("(the detector the guardduty part creates)");
    List<Change> changes = new ArrayList<>();
    OrgConfigurationPlanner.plan(region, pending, desired, config).ifPresent(changes::add);
    MemberPlanner.MemberPlan memberPlan =
        MemberPlanner.plan(region, context.identity().accountId(), all, members);
    memberPlan.change(pending).ifPresent(changes::add);
    List<String> warnings = new ArrayList<>();
    if (!memberPlan.skipped().isEmpty()) {
      warnings.add(
          "skipped "
              + memberPlan.skipped().size()
              + " inactive account(s): "
              + String.join(
                  ", ",
                  memberPlan.skipped().stream()
                      .map(a -> a.id() + " (" + a.state().name().toLowerCase() + ")")
                      .toList()));
    }
    if (config.memberLimitReached()) {
      warnings.add("GuardDuty's member limit (5,000) is reached: new members may be refused");
    }
    Notes notes =
        new Notes(
            detectorId.map(id -> Map.of("detectorId", id)).orElse(Map.of()),
            memberPlan.present().size(),
            List.of(),
            List.of(),
            warnings);
    return new PartPlan(
        changes,
        actual(config, members, all),
        new Detail(detectorId, memberPlan),
        notes,
        Optional.empty());
  }

  private static Actual actual(
      OrgConfiguration config, List<Member> members, List<OrgAccount> accounts) {
    Map<String, AutoEnable> features = new TreeMap<>();
    config
        .features()
        .forEach(
            (k, v) -> {
              if (v != AutoEnable.NONE) {
                features.put(k, v);
              }
            });
    return new Actual(
        config.members(),
        features,
        members.stream().map(m -> m.accountId() + ":" + m.relationshipStatus()).sorted().toList(),
        accounts.stream().map(a -> a.id() + ":" + a.state()).sorted().toList());
  }

  @Override
  public Applied apply(PartContext context, PartPlan plan) {
    Detail detail = (Detail) plan.detail();
    String detectorId =
        detail
            .detectorId()
            .orElseThrow(
                () ->
                    new PlanConflictException(
                        "no GuardDuty detector in "
                            + context.region()
                            + " for the administrator: the guardduty part must create it first"
                            + " (see its result)"));
    GuardDutyOrgPort port = context.ports().guardDutyOrg(context.region());
    int writes = 0;
    List<String> failures = new ArrayList<>();
    for (Change change : plan.changes()) {
      if (change instanceof OrgChange.UpdateOrgConfiguration update) {
        port.updateOrganizationConfiguration(detectorId, update.members(), update.features());
        writes++;
      } else if (change instanceof OrgChange.CreateMembers create) {
        List<Unprocessed> unprocessed = port.createMembers(detectorId, create.accounts());
        writes += batches(create.accounts().size());
        Set<String> refused = new LinkedHashSet<>();
        unprocessed.forEach(
            u -> {
              refused.add(u.accountId());
              failures.add("member " + u.accountId() + ": " + u.reason());
            });
        Set<String> made = new LinkedHashSet<>();
        create.accounts().stream()
            .map(GuardDutyOrgPort.MemberAccount::accountId)
            .filter(id -> !refused.contains(id))
            .forEach(made::add);
        if (!made.isEmpty()) {
          context.ports().memberLedger(context.region()).record(made);
          writes++;
        }
      }
    }
    return new Applied(writes, failures, Map.of("detectorId", detectorId));
  }

  private static int batches(int accounts) {
    int size = GuardDutyOrgPort.MAX_ACCOUNTS_PER_CALL;
    return (accounts + size - 1) / size;
  }

  @Override
  public JsonNode desired() {
    ObjectNode node = Fingerprint.JSON.createObjectNode();
    node.put("members", desired.members().name());
    ObjectNode features = node.putObject("features");
    new TreeMap<>(desired.features()).forEach((k, v) -> features.put(k, v.name()));
    return node;
  }

  public static OrgMembersPart fromDesired(JsonNode desired) {
    Map<String, AutoEnable> features = new TreeMap<>();
    desired
        .path("features")
        .fields()
        .forEachRemaining(e -> features.put(e.getKey(), AutoEnable.valueOf(e.getValue().asText())));
    return new OrgMembersPart(
        new OrgConfigurationPlanner.Desired(
            AutoEnable.valueOf(desired.path("members").asText("ALL")), features),
        new OrgAccounts());
  }
}
