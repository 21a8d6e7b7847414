package dev.irctl.aws;

import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/**
 * Global services (IAM) are called on their partition's pseudo-region, e.g. aws-global for aws,
 * which the SDK's endpoint rules turn into the global endpoint signed for the partition's home
 * region (us-east-1). With an endpoint override those rules are skipped and the client region is
 * used for signing as is, so then the client is built with the home region itself: "aws-global" is
 * not a region anything accepts.
 */
final class GlobalRegions {
  private record Partition(Region global, Region home) {}

  private static final Map<String, Partition> IAM =
      Map.of(
          "aws", new Partition(Region.AWS_GLOBAL, Region.US_EAST_1),
          "aws-cn", new Partition(Region.AWS_CN_GLOBAL, Region.CN_NORTH_1),
          "aws-us-gov", new Partition(Region.AWS_US_GOV_GLOBAL, Region.US_GOV_WEST_1),
          "aws-iso", new Partition(Region.AWS_ISO_GLOBAL, Region.US_ISO_EAST_1),
          "aws-iso-b", new Partition(Region.AWS_ISO_B_GLOBAL, Region.US_ISOB_EAST_1));

  private GlobalRegions() {}

  /**
   * The region to build the IAM client with, given any region of the account's partition. A
   * partition not listed keeps the region itself; the SDK's endpoint rules still send IAM to its
   * global endpoint.
   */
  static String iamRegion(String anyRegion, boolean endpointOverride) {
    RegionMetadata metadata = Region.of(anyRegion).metadata();
    String partition = metadata == null ? "aws" : metadata.partition().id();
    Partition known = IAM.get(partition);
    if (known == null) {
      return anyRegion;
    }
    return (endpointOverride ? known.home() : known.global()).id();
  }
}
