package dev.irctl.engine.drill;

import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AlertPathPorts;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.SubscriptionPort;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who a drill will notify: the confirmed subscribers of every region's topic, read before the user
 * is asked. The regions are read at once (one ListSubscriptionsByTopic each): read one after the
 * other they cost a call's latency per region before the drill even starts.
 */
public final class DrillAudience {
  private DrillAudience() {}

  /** protocol:endpoint of every confirmed subscriber, once each, in region order. */
  public static String notified(AlertPathPorts ports, List<DrillTarget> targets, int concurrency) {
    List<List<String>> perRegion;
    try (Parallel parallel = new Parallel()) {
      perRegion =
          parallel.map(targets, Math.max(1, concurrency), target -> endpoints(ports, target));
    }
    Set<String> endpoints = new LinkedHashSet<>();
    perRegion.forEach(endpoints::addAll);
    return endpoints.isEmpty()
        ? "nobody (no confirmed subscription to the irctl topic)"
        : String.join(", ", endpoints);
  }

  private static List<String> endpoints(AlertPathPorts ports, DrillTarget target) {
    List<String> endpoints = new ArrayList<>();
    try {
      for (SubscriptionPort.TopicSubscription s :
          ports.subscriptions(target.region()).list(target.topicArn())) {
        if (!s.pending()) {
          endpoints.add(s.protocol() + ":" + s.endpoint());
        }
      }
    } catch (AwsCallException e) {
      endpoints.add(
          "(" + target.region() + ": could not list subscriptions: " + e.getMessage() + ")");
    }
    return endpoints;
  }
}
