package dev.irctl.engine.hub;

import dev.irctl.engine.Ownership;
import dev.irctl.engine.Parallel;
import dev.irctl.engine.port.AwsCallException;
import dev.irctl.engine.port.BusRule;
import dev.irctl.engine.port.EventBridgePort;
import dev.irctl.engine.port.Ports;
import dev.irctl.engine.rules.ApplyRulesRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Which forwarder rules would still use the forwarder role after a remove-rules run, in every
 * region the account has enabled: in the run's regions, the ones remove-rules keeps (not tagged by
 * irctl, or with a target someone added); in every other region, any forwarder at all. A region
 * that cannot be read counts as one that may still hold forwarders: the role is kept rather than
 * deleted under a forwarder irctl could not see. Each entry reads {@code region: why}.
 */
final class ForwarderCensus {
  /** Regions read at once: one ListRules each, a few more calls per forwarder. */
  private static final int IN_FLIGHT = 8;

  private final Ports ports;
  private final Parallel parallel;

  ForwarderCensus(Ports ports, Parallel parallel) {
    this.ports = ports;
    this.parallel = parallel;
  }

  /**
   * {@code carried}: the regions the run was not given but visits for the sign-in rules, each with
   * the names it removes there; any other forwarder in such a region stays, so it keeps the role.
   */
  List<String> remainingAfterRemoval(List<String> runRegions, Map<String, Set<String>> carried) {
    List<String> remaining = new ArrayList<>();
    List<String> others;
    try {
      String callRegion = runRegions.isEmpty() ? "us-east-1" : runRegions.get(0);
      others =
          ports.regions().describeRegions(callRegion).enabled().stream()
              .filter(r -> !runRegions.contains(r) && !carried.containsKey(r))
              .toList();
    } catch (AwsCallException e) {
      return List.of("the account's regions could not be listed (" + e.getMessage() + ")");
    }
    parallel.map(runRegions, IN_FLIGHT, r -> keptIn(r, name -> true)).forEach(remaining::addAll);
    parallel
        .map(List.copyOf(carried.keySet()), IN_FLIGHT, r -> keptIn(r, carried.get(r)::contains))
        .forEach(remaining::addAll);
    parallel
        .map(others, IN_FLIGHT, region -> presentIn(region, "outside this run"))
        .forEach(remaining::addAll);
    return List.copyOf(new TreeSet<>(remaining));
  }

  /** The forwarders present now in these regions (after remove-rules ran there). */
  List<String> presentIn(List<String> regions) {
    List<String> present = new ArrayList<>();
    parallel
        .map(regions, IN_FLIGHT, region -> presentIn(region, "still there after remove-rules"))
        .forEach(present::addAll);
    return List.copyOf(new TreeSet<>(present));
  }

  private List<String> presentIn(String region, String why) {
    try {
      return forwarders(events(region)).stream()
          .map(r -> region + ": " + r.name() + " (" + why + ")")
          .toList();
    } catch (AwsCallException e) {
      return List.of(region + ": its rules could not be listed (" + e.getMessage() + ")");
    }
  }

  /**
   * Forwarders remove-rules leaves in a region of its run: not irctl's, with added targets, or (in
   * a carried region) not among the ones it {@code removes} there.
   */
  private List<String> keptIn(String region, Predicate<String> removes) {
    try {
      EventBridgePort events = events(region);
      List<String> kept = new ArrayList<>();
      for (BusRule rule : forwarders(events)) {
        if (!removes.test(rule.name())) {
          kept.add(
              region
                  + ": "
                  + rule.name()
                  + " (not a chosen region: remove-rules removes only the sign-in forwarders)");
        } else if (!Ownership.taggedByIrctl(events.tags(rule.arn()))) {
          kept.add(region + ": " + rule.name() + " (not tagged managed-by=irctl)");
        } else if (events.listTargets(ApplyRulesRequest.DEFAULT_BUS, rule.name()).stream()
            .anyMatch(t -> !t.irctls())) {
          kept.add(region + ": " + rule.name() + " (kept for a target irctl did not add)");
        }
      }
      return kept;
    } catch (AwsCallException e) {
      return List.of(region + ": its rules could not be read (" + e.getMessage() + ")");
    }
  }

  private EventBridgePort events(String region) {
    return ports.eventBridge(region);
  }

  private static List<BusRule> forwarders(EventBridgePort events) {
    return events.listRules(ApplyRulesRequest.DEFAULT_BUS, ForwarderRules.NAME_PREFIX);
  }
}
