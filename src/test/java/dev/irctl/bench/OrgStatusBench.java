package dev.irctl.bench;

import dev.irctl.cli.CliRun;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
import dev.irctl.engine.port.OrganizationsPort;
import dev.irctl.engine.port.StackSetsPort;
import dev.irctl.fakes.FakeOrganizations;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code irctl org status} for an organization of A accounts (every one a GuardDuty member and a
 * stack instance in every region) over R regions, on the fakes at 100 ms per call
 * (bench/org-status.sh runs it; not a unit test). Issue 11's goal: 1,000 accounts x 17 regions in
 * at most 3 s. Prints the wall time and the calls per region and action, which docs/benchmarks.md
 * turns into the formula of how the cost grows.
 *
 * <p>Arguments: {@code [accounts] [regions] [latencyMs]}, default 1000 17 100.
 */
public final class OrgStatusBench {
  static final String MANAGEMENT = "999988887777";

  /** The estate's shape: top-level OUs, each with child OUs that hold the accounts. */
  static final int TOP_OUS = 5;

  static final int CHILD_OUS = 4;

  private OrgStatusBench() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int regionCount = args.length > 1 ? Integer.parseInt(args[1]) : 17;
    long latency = args.length > 2 ? Long.parseLong(args[2]) : 100;
    List<String> regions = FakeRegionDirectory.DEFAULT_REGIONS.subList(0, regionCount);
    List<String> argv = command("status", regions);
    argv.addAll(List.of("--hub-region", "us-east-1", "--gaps-only"));
    measure(
        String.format("org status: %d accounts x %d regions", accounts, regionCount),
        () -> estate(accounts, regions),
        argv.toArray(String[]::new),
        latency);
    System.out.println("(goal <= 3000 ms at 1,000 x 17)");
  }

  /** {@code irctl org SUB} over the regions, all of them at once. */
  static List<String> command(String sub, List<String> regions) {
    return new ArrayList<>(
        List.of(
            "org",
            sub,
            "--region",
            String.join(",", regions),
            "--concurrency",
            String.valueOf(Math.min(64, regions.size())),
            "--no-color"));
  }

  /**
   * Runs the command once to warm up without latency, then on a fresh estate with {@code latency}
   * per call; prints the wall time, the calls and writes, and the calls per region and action.
   */
  static void measure(
      String label, java.util.function.Supplier<FakePorts> estate, String[] argv, long latency) {
    CliRun.run(estate.get(), argv);
    FakePorts aws = estate.get();
    aws.log().clear();
    aws.log().latency(latency);
    long start = System.nanoTime();
    CliRun run = CliRun.run(aws, argv);
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (run.exitCode() != 0) {
      System.err.println(run.err());
      throw new IllegalStateException(label + " exited " + run.exitCode());
    }
    Map<String, Map<String, Integer>> calls = new TreeMap<>();
    for (String call : aws.log().calls()) {
      String[] parts = call.split(" ");
      calls.computeIfAbsent(parts[0], r -> new TreeMap<>()).merge(parts[1], 1, Integer::sum);
    }
    System.out.printf(
        "%s at %d ms per call: %d ms; %d calls, %d writes%n",
        label, latency, ms, aws.log().calls().size(), aws.log().writes().size());
    calls.forEach((region, byAction) -> System.out.printf("  %-16s %s%n", region, byAction));
  }

  /**
   * The accounts spread over {@link #TOP_OUS} x {@link #CHILD_OUS} leaf OUs two levels below the
   * root (999 accounts: 20 OUs of 49 or 50), the shape of a landing zone (Security, Infrastructure,
   * Workloads... each split by environment); the management account (the thousandth) stays in the
   * root.
   */
  static void organizationalUnits(FakeOrganizations org, int accounts) {
    org.account(MANAGEMENT, OrganizationsPort.AccountState.ACTIVE, FakeOrganizations.ROOT);
    int leaves = TOP_OUS * CHILD_OUS;
    for (int top = 0; top < TOP_OUS; top++) {
      String parent = String.format("ou-abcd-%08d", top);
      org.unit(parent);
      for (int child = 0; child < CHILD_OUS; child++) {
        int leaf = top * CHILD_OUS + child;
        String ou = String.format("ou-abcd-%04d%04d", top + 1, child);
        org.unit(ou, parent);
        org.accounts(accounts / leaves + (leaf < accounts % leaves ? 1 : 0), ou);
      }
    }
  }

  /** Every account active, a member in every region, with a current instance in every region. */
  static FakePorts estate(int accounts, List<String> regions) {
    FakePorts aws = new FakePorts();
    FakeOrganizations org =
        aws.organizationsFake()
            .organization("o-abcd123456", MANAGEMENT)
            .delegatedAdministrator("guardduty.amazonaws.com", FakePorts.ACCOUNT);
    organizationalUnits(org, accounts - 1);
    String set = MemberRulesTemplate.RULES_STACK_SET;
    StackSetsPort.StackSetSpec spec =
        new StackSetsPort.StackSetSpec(
            set, "member rules", "{}", Map.of(), Map.of("managed-by", "irctl"), true, false);
    aws.stackSetsIn("us-east-1")
        .access(StackSetsPort.OrganizationsAccess.ENABLED)
        .createStackSet(spec);
    List<String> ids = org.activeAccountsIn(List.of(FakeOrganizations.ROOT));
    for (String region : regions) {
      aws.guardDutyIn(region)
          .existing(
              new Detector(
                  "d-" + region, true, FindingFrequency.FIFTEEN_MINUTES, Map.of(), Map.of()));
      for (String id : new ArrayList<>(ids)) {
        aws.guardDutyOrgIn(region).member(id, "Enabled");
        aws.stackSetsIn("us-east-1").instance(set, id, region, "CURRENT", "IN_SYNC");
      }
    }
    return aws;
  }
}
