package dev.irctl.engine.drill;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One region's drill: how it ended, after how long the sample arrived, why it failed, and any drill
 * resource that could not be removed (named, so the user can delete it).
 */
public record RegionDrill(
    String region,
    DeliveryStatus status,
    Optional<Duration> deliveredAfter,
    Optional<String> reason,
    List<String> leftBehind) {
  public RegionDrill {
    leftBehind = List.copyOf(leftBehind);
  }

  static RegionDrill delivered(String region, Duration after, List<String> leftBehind) {
    return new RegionDrill(
        region, DeliveryStatus.DELIVERED, Optional.of(after), Optional.empty(), leftBehind);
  }

  static RegionDrill ended(
      String region, DeliveryStatus status, String reason, List<String> leftBehind) {
    return new RegionDrill(region, status, Optional.empty(), Optional.of(reason), leftBehind);
  }
}
