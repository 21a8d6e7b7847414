package dev.irctl.bench;

import dev.irctl.cli.CliRun;
import dev.irctl.engine.org.MemberRulesTemplate;
import dev.irctl.engine.port.Detector;
import dev.irctl.engine.port.FindingFrequency;
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
  static final String OU = "ou-abcd-11111111";

  private OrgStatusBench() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int regionCount = args.length > 1 ? Integer.parseInt(args[1]) : 17;
    long latency = args.length > 2 ? Long.parseLong(args[2]) : 100;
    List<String> regions = FakeRegionDirectory.DEFAULT_REGIONS.subList(0, regionCount);
    String[] argv = {
      "org",
      "status",
      "--region",
      String.join(",", regions),
      "--concurrency",
      String.valueOf(Math.min(64, regionCount)),
      "--no-color",
      "--gaps-only"
    };
    CliRun.run(estate(accounts, regions), argv); // warm-up without latency
    FakePorts aws = estate(accounts, regions);
    aws.log().clear();
    aws.log().latency(latency);
    long start = System.nanoTime();
    CliRun run = CliRun.run(aws, argv);
    long ms = (System.nanoTime() - start) / 1_000_000;
    if (run.exitCode() != 0) {
      System.err.println(run.err());
      throw new IllegalStateException("org status exited " + run.exitCode());
    }
    Map<String, Map<String, Integer>> calls = new TreeMap<>();
    for (String call : aws.log().calls()) {
      String[] parts = call.split(" ");
      calls.computeIfAbsent(parts[0], r -> new TreeMap<>()).merge(parts[1], 1, Integer::sum);
    }
    System.out.printf(
        "org status: %d accounts x %d regions at %d ms per call: %d ms (goal <= 3000 ms at"
            + " 1,000 x 17); %d calls, %d writes%n",
        accounts, regionCount, latency, ms, aws.log().calls().size(), aws.log().writes().size());
    calls.forEach((region, byAction) -> System.out.printf("  %-16s %s%n", region, byAction));
  }

  /** Every account active, a member in every region, with a current instance in every region. */
  static FakePorts estate(int accounts, List<String> regions) {
    FakePorts aws = new FakePorts();
    FakeOrganizations org =
        aws.organizationsFake()
            .organization("o-abcd123456", MANAGEMENT)
            .delegatedAdministrator("guardduty.amazonaws.com", FakePorts.ACCOUNT)
            .accounts(accounts, OU);
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
