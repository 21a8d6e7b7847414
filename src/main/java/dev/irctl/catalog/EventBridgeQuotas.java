package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * EventBridge's quotas that a catalog must fit, from the quota page
 * (https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-quota.html): rules per event bus
 * (300, but 100 in af-south-1 and eu-south-1; adjustable), event pattern size (2048 characters,
 * adjustable) and rules whose pattern contains a wildcard filter (30 per bus, not adjustable).
 */
public final class EventBridgeQuotas {
  public static final int RULES_PER_BUS = 300;

  /** Regions where the default rules-per-bus quota is lower. */
  public static final Map<String, Integer> LOWER_RULES_PER_BUS =
      Map.of("af-south-1", 100, "eu-south-1", 100);

  public static final int PATTERN_LENGTH = 2048;

  public static final int WILDCARD_RULES_PER_BUS = 30;

  private EventBridgeQuotas() {}

  /** The default rules-per-bus quota in {@code region}. */
  public static int rulesPerBus(String region) {
    return LOWER_RULES_PER_BUS.getOrDefault(region, RULES_PER_BUS);
  }

  /** The lowest default rules-per-bus quota of any region. */
  public static int lowestRulesPerBus() {
    return LOWER_RULES_PER_BUS.values().stream().min(Integer::compare).orElse(RULES_PER_BUS);
  }

  /** Regions with the lowest rules-per-bus quota, sorted. */
  static List<String> lowestRulesPerBusRegions() {
    return LOWER_RULES_PER_BUS.entrySet().stream()
        .filter(e -> e.getValue() == lowestRulesPerBus())
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** Whether a rendered pattern uses a wildcard filter (plain or inside anything-but). */
  public static boolean usesWildcard(JsonNode pattern) {
    if (pattern.isObject()) {
      for (Map.Entry<String, JsonNode> field : pattern.properties()) {
        if (field.getKey().equals("wildcard") || usesWildcard(field.getValue())) {
          return true;
        }
      }
    } else if (pattern.isArray()) {
      for (JsonNode element : pattern) {
        if (usesWildcard(element)) {
          return true;
        }
      }
    }
    return false;
  }
}
