package dev.irctl.catalog;

import java.util.Locale;

/**
 * Which CloudTrail management events a rule needs. EventBridge delivers read-only management events
 * (Get, List, Describe) only to rules whose state is {@code
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS}.
 */
public enum ManagementEvents {
  WRITE("ENABLED"),
  ALL("ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS");

  private final String ruleState;

  ManagementEvents(String ruleState) {
    this.ruleState = ruleState;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The EventBridge rule {@code State} that delivers these events. */
  public String ruleState() {
    return ruleState;
  }

  static ManagementEvents fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }
}
