package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.RegionDirectoryPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;

/**
 * Region facts: offline from the SDK's metadata, and the account's view from EC2 DescribeRegions.
 */
final class RegionDirectoryAdapter implements RegionDirectoryPort {
  static final List<AwsAction> ACTIONS = List.of(AwsAction.read("ec2:DescribeRegions"));

  private final AwsClients clients;

  RegionDirectoryAdapter(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public List<String> knownRegions() {
    return Region.regions().stream().filter(r -> !r.isGlobalRegion()).map(Region::id).toList();
  }

  @Override
  public List<String> guardDutyRegions(String anyRegion) {
    String partition = partitionOf(anyRegion);
    return GuardDutyClient.serviceMetadata().regions().stream()
        .filter(r -> !r.isGlobalRegion())
        .filter(r -> partition.equals(partitionOf(r.id())))
        .map(Region::id)
        .toList();
  }

  @Override
  public Optional<String> defaultRegion() {
    return clients.configuredRegion();
  }

  @Override
  public Optional<String> instanceRegion() {
    return clients.instanceRegion();
  }

  @Override
  public AccountRegions describeRegions(String callRegion) {
    Supplier<software.amazon.awssdk.services.ec2.Ec2ClientBuilder> builder = Ec2Client::builder;
    Ec2Client ec2 = clients.client("ec2", callRegion, builder);
    DescribeRegionsResponse response =
        AwsCalls.call("ec2:DescribeRegions", () -> ec2.describeRegions(b -> b.allRegions(true)));
    List<String> enabled = new ArrayList<>();
    List<String> notOptedIn = new ArrayList<>();
    String partition = partitionOf(callRegion);
    response.regions().stream()
        .filter(r -> partition.equals(partitionOf(r.regionName())))
        .forEach(
            r -> {
              if ("not-opted-in".equals(r.optInStatus())) {
                notOptedIn.add(r.regionName());
              } else {
                enabled.add(r.regionName());
              }
            });
    return new AccountRegions(enabled, notOptedIn);
  }

  /**
   * The partition of a region: from the SDK's metadata, or for a region newer than the SDK from the
   * partitions' region-name patterns.
   */
  static String partitionOf(String region) {
    var metadata = Region.of(region).metadata();
    if (metadata != null) {
      return metadata.partition().id();
    }
    PartitionMetadata partition = PartitionMetadata.of(Region.of(region));
    return partition == null ? "aws" : partition.id();
  }
}
