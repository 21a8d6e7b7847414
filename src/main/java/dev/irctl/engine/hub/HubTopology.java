package dev.irctl.engine.hub;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each rule goes with one inbox: in the hub region every selected rule (global ones too)
 * targets the hub topic; in every other selected region each rule that belongs there (regional
 * rules everywhere, global rules in {@link #GLOBAL_REGION} only) targets the hub region's default
 * bus, whose rules then match the forwarded event (it keeps source, detail-type and its original
 * region). Hub rules never target a bus, so nothing loops. Pure.
 */
public final class HubTopology {
  /** Global-service events (IAM, Organizations, STS global endpoint) reach EventBridge here. */
  public static final String GLOBAL_REGION = "us-east-1";

  /** What a deployed rule sends to. */
  public enum Target {
    /** The one topic, in the hub region. */
    HUB_TOPIC,
    /** The hub region's default event bus, through the forwarder role. */
    HUB_BUS
  }

  /** A rule to place: its id and whether its events arrive only in {@link #GLOBAL_REGION}. */
  public record RuleScope(String id, boolean global) {}

  public record Placement(String ruleId, Target target) {}

  private final String hubRegion;
  private final Map<String, List<Placement>> byRegion;

  private HubTopology(String hubRegion, Map<String, List<Placement>> byRegion) {
    this.hubRegion = hubRegion;
    this.byRegion = byRegion;
  }

  /**
   * @throws IllegalArgumentException when the hub is not among the selected regions
   */
  public static HubTopology compute(List<String> regions, String hubRegion, List<RuleScope> rules) {
    if (!regions.contains(hubRegion)) {
      throw new IllegalArgumentException(
          "the hub region " + hubRegion + " is not among the selected regions " + regions);
    }
    Map<String, List<Placement>> byRegion = new LinkedHashMap<>();
    for (String region : regions) {
      List<Placement> placements = new ArrayList<>();
      for (RuleScope rule : rules) {
        if (region.equals(hubRegion)) {
          placements.add(new Placement(rule.id(), Target.HUB_TOPIC));
        } else if (!rule.global() || region.equals(GLOBAL_REGION)) {
          placements.add(new Placement(rule.id(), Target.HUB_BUS));
        }
      }
      byRegion.put(region, List.copyOf(placements));
    }
    return new HubTopology(hubRegion, byRegion);
  }

  public String hubRegion() {
    return hubRegion;
  }

  /** The rules deployed in {@code region} and their targets; none for an unselected region. */
  public List<Placement> placements(String region) {
    return byRegion.getOrDefault(region, List.of());
  }

  public Map<String, List<Placement>> byRegion() {
    return byRegion;
  }

  /** The hub's default bus, the target of every forwarding rule. */
  public String hubBusArn(String partition, String account) {
    return "arn:" + partition + ":events:" + hubRegion + ":" + account + ":event-bus/default";
  }
}
