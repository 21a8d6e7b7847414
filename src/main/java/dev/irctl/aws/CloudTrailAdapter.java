package dev.irctl.aws;

import dev.irctl.engine.permissions.AwsAction;
import dev.irctl.engine.port.TrailPort;
import java.util.List;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.GetEventSelectorsResponse;

/** {@link TrailPort} over the SDK's CloudTrail client for one region. */
final class CloudTrailAdapter implements TrailPort {
  static final List<AwsAction> ACTIONS =
      List.of(
          AwsAction.read("cloudtrail:DescribeTrails"),
          AwsAction.read("cloudtrail:GetTrailStatus"),
          AwsAction.read("cloudtrail:GetEventSelectors"));

  private final CloudTrailClient client;

  CloudTrailAdapter(CloudTrailClient client) {
    this.client = client;
  }

  @Override
  public List<Trail> trails() {
    return AwsCalls.call(
            "cloudtrail:DescribeTrails",
            () -> client.describeTrails(b -> b.includeShadowTrails(true)))
        .trailList()
        .stream()
        .map(
            t ->
                new Trail(
                    t.name(),
                    t.trailARN(),
                    t.homeRegion(),
                    Boolean.TRUE.equals(t.isMultiRegionTrail()),
                    Boolean.TRUE.equals(t.isOrganizationTrail())))
        .toList();
  }

  @Override
  public boolean isLogging(String trailArn) {
    return Boolean.TRUE.equals(
        AwsCalls.call(
                "cloudtrail:GetTrailStatus", () -> client.getTrailStatus(b -> b.name(trailArn)))
            .isLogging());
  }

  @Override
  public EventSelectors eventSelectors(String trailArn) {
    GetEventSelectorsResponse response =
        AwsCalls.call(
            "cloudtrail:GetEventSelectors",
            () -> client.getEventSelectors(b -> b.trailName(trailArn)));
    List<BasicSelector> basic =
        response.eventSelectors().stream()
            .map(
                s ->
                    new BasicSelector(
                        s.readWriteTypeAsString() == null ? "All" : s.readWriteTypeAsString(),
                        !Boolean.FALSE.equals(s.includeManagementEvents()),
                        s.dataResources().stream()
                            .map(d -> new DataResource(d.type(), d.values()))
                            .toList()))
            .toList();
    List<AdvancedSelector> advanced =
        response.advancedEventSelectors().stream()
            .map(
                s ->
                    new AdvancedSelector(
                        s.name() == null ? "" : s.name(),
                        s.fieldSelectors().stream()
                            .map(
                                f ->
                                    new FieldSelector(
                                        f.field(),
                                        f.equalsValue(),
                                        f.startsWith(),
                                        f.endsWith(),
                                        f.notEquals(),
                                        f.notStartsWith(),
                                        f.notEndsWith()))
                            .toList()))
            .toList();
    return new EventSelectors(basic, advanced);
  }
}
