package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.RegionDirectoryPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A region directory with a configurable account: enabled and not-opted-in regions, a default
 * region.
 */
public final class FakeRegionDirectory implements RegionDirectoryPort {
  /** The 17 regions enabled by default in most accounts. */
  public static final List<String> DEFAULT_REGIONS =
      List.of(
          "ap-northeast-1",
          "ap-northeast-2",
          "ap-northeast-3",
          "ap-south-1",
          "ap-southeast-1",
          "ap-southeast-2",
          "ca-central-1",
          "eu-central-1",
          "eu-north-1",
          "eu-west-1",
          "eu-west-2",
          "eu-west-3",
          "sa-east-1",
          "us-east-1",
          "us-east-2",
          "us-west-1",
          "us-west-2");

  public static final List<String> OPT_IN_REGIONS =
      List.of("af-south-1", "ap-east-1", "eu-south-1", "me-south-1", "ap-southeast-3");

  private final CallLog log;
  private final List<String> enabled = new ArrayList<>(DEFAULT_REGIONS);
  private final List<String> notOptedIn = new ArrayList<>(OPT_IN_REGIONS);
  private Optional<String> defaultRegion = Optional.of("us-east-1");
  private Optional<String> instanceRegion = Optional.empty();
  private int instanceRegionAsked;

  FakeRegionDirectory(CallLog log) {
    this.log = log;
  }

  public FakeRegionDirectory defaultRegion(String region) {
    this.defaultRegion = Optional.ofNullable(region);
    return this;
  }

  /** The region instance metadata would answer with (none by default: not on EC2). */
  public FakeRegionDirectory instanceRegion(String region) {
    this.instanceRegion = Optional.ofNullable(region);
    return this;
  }

  /** How often instance metadata was asked for a region. */
  public int instanceRegionAsked() {
    return instanceRegionAsked;
  }

  public FakeRegionDirectory optIn(String region) {
    notOptedIn.remove(region);
    enabled.add(region);
    return this;
  }

  @Override
  public List<String> knownRegions() {
    List<String> all = new ArrayList<>(DEFAULT_REGIONS);
    all.addAll(OPT_IN_REGIONS);
    return all;
  }

  @Override
  public List<String> guardDutyRegions(String anyRegion) {
    return knownRegions();
  }

  @Override
  public Optional<String> defaultRegion() {
    return defaultRegion;
  }

  @Override
  public Optional<String> instanceRegion() {
    instanceRegionAsked++;
    return instanceRegion;
  }

  @Override
  public AccountRegions describeRegions(String callRegion) {
    log.record(callRegion, "ec2:DescribeRegions", false);
    return new AccountRegions(enabled, notOptedIn);
  }

  /** Convenience for tests: make DescribeRegions denied. */
  public void deny() {
    log.fail(
        "*",
        "ec2:DescribeRegions",
        AwsCallException.Kind.ACCESS_DENIED,
        "not authorized to perform ec2:DescribeRegions");
  }
}
