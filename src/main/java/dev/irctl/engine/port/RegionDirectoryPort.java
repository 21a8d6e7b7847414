package dev.irctl.engine.port;

import java.util.List;
import java.util.Optional;

/** Which regions exist and which this account can use. */
public interface RegionDirectoryPort {
  /** Region names the SDK knows in every partition (offline); for usage errors before any call. */
  List<String> knownRegions();

  /**
   * The regions where GuardDuty is offered in the partition of {@code anyRegion}, from SDK metadata
   * (offline).
   */
  List<String> guardDutyRegions(String anyRegion);

  /**
   * The region from the environment (AWS_REGION) or the profile, if any; never instance metadata.
   */
  Optional<String> defaultRegion();

  /**
   * The region of the EC2 instance irctl runs on, from instance metadata (bounded; slow off EC2):
   * asked only when no region is given or configured.
   */
  default Optional<String> instanceRegion() {
    return Optional.empty();
  }

  /**
   * EC2 DescribeRegions with all regions, called in {@code callRegion}: which are enabled for the
   * account and which are not opted in, in the partition of {@code callRegion} only (an emulator
   * lists other partitions' regions too).
   */
  AccountRegions describeRegions(String callRegion);

  record AccountRegions(List<String> enabled, List<String> notOptedIn) {
    public AccountRegions {
      enabled = List.copyOf(enabled);
      notOptedIn = List.copyOf(notOptedIn);
    }
  }
}
