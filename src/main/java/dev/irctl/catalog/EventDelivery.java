package dev.irctl.catalog;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether EventBridge hands an event to a rule at all, before its pattern is tried: read-only
 * CloudTrail management events reach only rules in state {@code
 * ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS} ({@code managementEvents: all}). Data events (S3
 * GetObject, ...) are not management events and are delivered either way.
 */
public final class EventDelivery {
  private EventDelivery() {}

  static boolean reaches(Rule rule, JsonNode event) {
    return rule.managementEvents() == ManagementEvents.ALL || !isReadOnlyManagementEvent(event);
  }

  /** The same for a deployed rule, by its EventBridge state. */
  public static boolean reaches(String ruleState, JsonNode event) {
    return ManagementEvents.ALL.ruleState().equals(ruleState) || !isReadOnlyManagementEvent(event);
  }

  /**
   * Only when the record says so explicitly; a record without the flags is assumed to be delivered.
   */
  static boolean isReadOnlyManagementEvent(JsonNode event) {
    JsonNode detail = event.path("detail");
    boolean readOnly = detail.path("readOnly").asBoolean(false);
    boolean management =
        detail.path("managementEvent").asBoolean(false)
            || "Management".equals(detail.path("eventCategory").asText());
    return readOnly && management;
  }
}
