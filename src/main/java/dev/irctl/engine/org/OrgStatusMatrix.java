package dev.irctl.engine.org;

import dev.irctl.engine.port.GuardDutyOrgPort.Member;
import dev.irctl.engine.port.OrganizationsPort.AccountState;
import dev.irctl.engine.port.OrganizationsPort.OrgAccount;
import dev.irctl.engine.port.StackSetsPort.StackInstance;
import dev.irctl.engine.status.GuardDutyStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accounts x regions, from what {@code org status} read (pure, no calls): per cell the account's
 * GuardDuty standing with the administrator and its member rules stack instance. A gap is an active
 * account GuardDuty does not cover in a region, or an existing stack instance that is not current
 * or has drifted.
 */
public record OrgStatusMatrix(
    String adminAccountId,
    boolean accountsRead,
    List<String> regions,
    Map<String, GuardDutyStatus> detectors,
    Map<String, Boolean> stackSetIn,
    List<Row> rows) {
  /** The administrator's own row. */
  public static final String ADMIN = "admin";

  /** An active organization account that is no member in that region. */
  public static final String MISSING = "missing";

  /** A suspended, closed or not yet active account: skipped by every org plan. */
  public static final String SKIPPED = "skipped";

  /** The region's members could not be read. */
  public static final String UNKNOWN = "unknown";

  /** The member relationship GuardDuty reports when all is well. */
  public static final String ENABLED = "enabled";

  /** No instance of the stack set for this account in that region. */
  public static final String NONE = "none";

  /** There is no stack set (or the region could not be read): nothing to show. */
  public static final String NO_STACK_SET = "-";

  public OrgStatusMatrix {
    regions = List.copyOf(regions);
    rows = List.copyOf(rows);
  }

  /** One account: its id, name, state and one cell per region (in {@link #regions} order). */
  public record Row(String accountId, String name, AccountState state, List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /**
   * {@code guardDuty} is {@link #ADMIN}, a member relationship status in lower case ({@code
   * enabled}, {@code created}, {@code invited}, {@code disabled}, {@code removed}, {@code
   * resigned}, {@code accountsuspended}, ...), {@link #MISSING}, {@link #SKIPPED} or {@link
   * #UNKNOWN}; {@code stack} is the instance's status in lower case ({@code current}, {@code
   * outdated}, {@code inoperable}), {@link #NONE} or {@link #NO_STACK_SET}.
   */
  public record Cell(
      String region,
      String guardDuty,
      String stack,
      Optional<StackInstance> instance,
      boolean gap) {
    public boolean drifted() {
      return instance.map(i -> "DRIFTED".equals(i.driftStatus())).orElse(false);
    }
  }

  /** One region's counts, for the totals table and JSON. */
  public record RegionTotals(
      String region,
      Map<String, Long> guardDuty,
      Map<String, Long> stacks,
      long drifted,
      long gaps) {}

  public static OrgStatusMatrix of(
      String adminAccountId,
      String managementAccountId,
      Optional<List<OrgAccount>> accounts,
      List<String> regions,
      Map<String, GuardDutyStatus> detectors,
      Map<String, List<Member>> members,
      Map<String, Optional<List<StackInstance>>> instances) {
    Map<String, Map<String, Member>> membersByRegion = new LinkedHashMap<>();
    members.forEach(
        (region, list) -> membersByRegion.put(region, byAccount(list, Member::accountId)));
    Map<String, Map<String, StackInstance>> instancesByRegion = new LinkedHashMap<>();
    Map<String, Boolean> stackSetIn = new TreeMap<>();
    instances.forEach(
        (region, list) -> {
          stackSetIn.put(region, list.isPresent());
          list.ifPresent(l -> instancesByRegion.put(region, byAccount(l, StackInstance::account)));
        });
    List<Row> rows = new ArrayList<>();
    for (OrgAccount account : accounts.orElseGet(() -> seen(adminAccountId, members, instances))) {
      List<Cell> cells = new ArrayList<>();
      for (String region : regions) {
        cells.add(
            cell(
                account,
                adminAccountId,
                managementAccountId,
                region,
                detectors.get(region),
                membersByRegion.get(region),
                instancesByRegion.get(region)));
      }
      rows.add(new Row(account.id(), account.name(), account.state(), cells));
    }
    return new OrgStatusMatrix(
        adminAccountId, accounts.isPresent(), regions, detectors, stackSetIn, rows);
  }

  private static Cell cell(
      OrgAccount account,
      String admin,
      String management,
      String region,
      GuardDutyStatus detector,
      Map<String, Member> members,
      Map<String, StackInstance> instances) {
    String guardDuty;
    boolean gap;
    if (members == null) {
      guardDuty = UNKNOWN;
      gap = false;
    } else if (!account.active()) {
      guardDuty = SKIPPED;
      gap = false;
    } else if (account.id().equals(admin)) {
      guardDuty = ADMIN;
      gap = detector == null || !GuardDutyStatus.ENABLED.equals(detector.state());
    } else {
      Member member = members.get(account.id());
      guardDuty = member == null ? MISSING : member.relationshipStatus().toLowerCase(Locale.ROOT);
      gap = !ENABLED.equals(guardDuty);
    }
    Optional<StackInstance> instance =
        instances == null ? Optional.empty() : Optional.ofNullable(instances.get(account.id()));
    String stack;
    if (instances == null) {
      stack = NO_STACK_SET;
    } else if (instance.isEmpty()) {
      // Service-managed stack sets never deploy to the management account, org apply leaves out
      // the administrator (its hub rules would collide), and accounts outside the stack set's OUs
      // get none: no instance is expected, so none is shown and none counts as a gap.
      boolean expected =
          account.active() && !account.id().equals(management) && !account.id().equals(admin);
      stack = expected ? NONE : NO_STACK_SET;
    } else {
      StackInstance i = instance.get();
      stack = i.status() == null ? UNKNOWN : i.status().toLowerCase(Locale.ROOT);
      gap = gap || !"current".equals(stack) || "DRIFTED".equals(i.driftStatus());
    }
    return new Cell(region, guardDuty, stack, instance, gap);
  }

  /** Without the account list: the accounts the members and instances name, state unknown. */
  private static List<OrgAccount> seen(
      String admin,
      Map<String, List<Member>> members,
      Map<String, Optional<List<StackInstance>>> instances) {
    TreeMap<String, OrgAccount> accounts = new TreeMap<>();
    accounts.put(admin, new OrgAccount(admin, "", "", AccountState.ACTIVE));
    members.values().stream()
        .flatMap(List::stream)
        .forEach(
            m ->
                accounts.putIfAbsent(
                    m.accountId(), new OrgAccount(m.accountId(), "", "", AccountState.ACTIVE)));
    instances.values().stream()
        .flatMap(o -> o.orElse(List.of()).stream())
        .forEach(
            i ->
                accounts.putIfAbsent(
                    i.account(), new OrgAccount(i.account(), "", "", AccountState.ACTIVE)));
    return List.copyOf(accounts.values());
  }

  private static <T> Map<String, T> byAccount(List<T> list, Function<T, String> account) {
    Map<String, T> map = new LinkedHashMap<>();
    list.forEach(item -> map.putIfAbsent(account.apply(item), item));
    return map;
  }

  public long gaps() {
    return rows.stream().flatMap(r -> r.cells().stream()).filter(Cell::gap).count();
  }

  public long activeAccounts() {
    return rows.stream().filter(r -> r.state() == AccountState.ACTIVE).count();
  }

  public long skippedAccounts() {
    return rows.size() - activeAccounts();
  }

  /** Whether the stack set exists (seen in at least one region that could be read). */
  public boolean stackSetExists() {
    return stackSetIn.values().stream().anyMatch(b -> b);
  }

  public List<RegionTotals> totals() {
    List<RegionTotals> totals = new ArrayList<>();
    for (int i = 0; i < regions.size(); i++) {
      int column = i;
      List<Cell> cells = rows.stream().map(r -> r.cells().get(column)).toList();
      totals.add(
          new RegionTotals(
              regions.get(i),
              counts(cells, Cell::guardDuty),
              counts(cells, Cell::stack),
              cells.stream().filter(Cell::drifted).count(),
              cells.stream().filter(Cell::gap).count()));
    }
    return totals;
  }

  private static Map<String, Long> counts(List<Cell> cells, Function<Cell, String> key) {
    return cells.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
  }
}
