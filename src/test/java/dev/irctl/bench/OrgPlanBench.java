package dev.irctl.bench;

import dev.irctl.engine.org.OrgPreflight;
import dev.irctl.fakes.FakePorts;
import dev.irctl.fakes.FakeRegionDirectory;
import java.util.List;

/**
 * {@code irctl org plan} for the estate of {@link OrgStatusBench} (A accounts in 20 OUs, every one
 * a GuardDuty member and a stack instance in every region) over R regions at 100 ms per call
 * (bench/org-plan.sh runs it; not a unit test). Issue 11's goal: at most 1.5 x the critical path,
 * which docs/benchmarks.md derives from the calls printed here. With {@code --ou} (the default) the
 * hub bus policy and the member stack set are planned too.
 *
 * <p>Arguments: {@code [accounts] [regions] [latencyMs] [--no-ou]}, default 1000 17 100.
 */
public final class OrgPlanBench {
  private OrgPlanBench() {}

  public static void main(String[] args) {
    int accounts = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int regionCount = args.length > 1 ? Integer.parseInt(args[1]) : 17;
    long latency = args.length > 2 ? Long.parseLong(args[2]) : 100;
    boolean stackSets = !(args.length > 3 && args[3].equals("--no-ou"));
    List<String> regions = FakeRegionDirectory.DEFAULT_REGIONS.subList(0, regionCount);
    List<String> argv = OrgStatusBench.command("plan", regions);
    if (stackSets) {
      argv.addAll(
          List.of("--ou", dev.irctl.fakes.FakeOrganizations.ROOT, "--hub-region", "us-east-1"));
    }
    OrgStatusBench.measure(
        String.format(
            "org plan%s: %d accounts x %d regions",
            stackSets ? " --ou" : "", accounts, regionCount),
        () -> estate(accounts, regions),
        argv.toArray(String[]::new),
        latency);
  }

  /** The status estate, with the administrator also StackSets' delegated administrator. */
  static FakePorts estate(int accounts, List<String> regions) {
    FakePorts aws = OrgStatusBench.estate(accounts, regions);
    aws.organizationsFake()
        .delegatedAdministrator(OrgPreflight.STACKSETS_PRINCIPAL, FakePorts.ACCOUNT);
    return aws;
  }
}
