package dev.irctl.fakes;

import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.TrailPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CloudTrail trails of the account: a region sees its own trails and, as shadow trails, the
 * multi-region ones created elsewhere. Status and selectors answer only in the trail's home region,
 * as irctl is meant to call them.
 */
public final class FakeTrails {
  private final CallLog log;
  private final List<TrailPort.Trail> trails = new ArrayList<>();
  private final Map<String, Boolean> logging = new HashMap<>();
  private final Map<String, TrailPort.EventSelectors> selectors = new HashMap<>();

  FakeTrails(CallLog log) {
    this.log = log;
  }

  public synchronized FakeTrails trail(
      TrailPort.Trail trail, boolean isLogging, TrailPort.EventSelectors eventSelectors) {
    trails.add(trail);
    logging.put(trail.arn(), isLogging);
    selectors.put(trail.arn(), eventSelectors);
    return this;
  }

  TrailPort in(String region) {
    return new TrailPort() {
      @Override
      public List<Trail> trails() {
        log.record(region, "cloudtrail:DescribeTrails", false);
        synchronized (FakeTrails.this) {
          return trails.stream()
              .filter(t -> t.homeRegion().equals(region) || t.multiRegion())
              .toList();
        }
      }

      @Override
      public boolean isLogging(String trailArn) {
        log.record(region, "cloudtrail:GetTrailStatus", false);
        synchronized (FakeTrails.this) {
          home(trailArn, region);
          return logging.get(trailArn);
        }
      }

      @Override
      public EventSelectors eventSelectors(String trailArn) {
        log.record(region, "cloudtrail:GetEventSelectors", false);
        synchronized (FakeTrails.this) {
          home(trailArn, region);
          return selectors.get(trailArn);
        }
      }
    };
  }

  private void home(String trailArn, String region) {
    TrailPort.Trail trail =
        trails.stream()
            .filter(t -> t.arn().equals(trailArn))
            .findFirst()
            .orElseThrow(
                () ->
                    new AwsCallException(
                        AwsCallException.Kind.NOT_FOUND,
                        "cloudtrail",
                        "TrailNotFoundException: " + trailArn));
    if (!trail.homeRegion().equals(region)) {
      throw new AwsCallException(
          AwsCallException.Kind.INVALID_REQUEST,
          "cloudtrail",
          "called in " + region + " for a trail whose home region is " + trail.homeRegion());
    }
  }
}
