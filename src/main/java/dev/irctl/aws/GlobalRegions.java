package dev.irctl.aws;

import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;

/** Global services (IAM) are called on their partition's pseudo-region, e.g. aws-global for aws. */
final class GlobalRegions {
  private static final Map<String, Region> IAM =
      Map.of(
          "aws", Region.AWS_GLOBAL,
          "aws-cn", Region.AWS_CN_GLOBAL,
          "aws-us-gov", Region.AWS_US_GOV_GLOBAL,
          "aws-iso", Region.AWS_ISO_GLOBAL,
          "aws-iso-b", Region.AWS_ISO_B_GLOBAL);

  private GlobalRegions() {}

  /**
   * The region to build the IAM client with, given any region of the account's partition. A partition without
   * a global pseudo-region keeps the region itself; the SDK's endpoint rules send IAM to the global endpoint.
   */
  static String iamRegion(String anyRegion) {
    RegionMetadata metadata = Region.of(anyRegion).metadata();
    String partition = metadata == null ? "aws" : metadata.partition().id();
    Region global = IAM.get(partition);
    return global == null ? anyRegion : global.id();
  }
}
